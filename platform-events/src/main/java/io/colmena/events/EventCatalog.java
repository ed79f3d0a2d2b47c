package io.colmena.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import io.colmena.events.billing.BillingEvents;
import io.colmena.events.identity.IdentityEvents;
import io.colmena.events.ticket.TicketEvents;

/**
 * The one list of every event type the platform sends, used by producers (to name and route what
 * they publish) and consumers (to read what they receive), and by both sides' tests.
 *
 * <p>Each producing service lists its types in its own class ({@code IdentityEvents},
 * {@code TicketEvents}, {@code BillingEvents}, ...) and {@link #STANDARD} joins them. A consumer
 * that meets a type it does not know skips it (additive evolution).
 */
public final class EventCatalog {

    /** Every event type of the platform. */
    private static final List<EventType<?>> STANDARD = Stream.of(
                    IdentityEvents.TYPES,
                    TicketEvents.TYPES,
                    BillingEvents.TYPES)
            .flatMap(List::stream)
            .toList();

    private final Map<Class<?>, EventType<?>> byClass = new HashMap<>();
    private final Map<String, EventType<?>> byType = new HashMap<>();

    private EventCatalog(Collection<EventType<?>> types) {
        for (EventType<?> type : types) {
            EventType<?> clash = byClass.putIfAbsent(type.payload(), type);
            if (clash != null) {
                throw new IllegalArgumentException(type.payload().getName() + " is registered twice: as "
                        + clash.type() + " and as " + type.type());
            }
            String key = type.type() + "/v" + type.version();
            if (byType.putIfAbsent(key, type) != null) {
                throw new IllegalArgumentException(key + " is registered twice");
            }
        }
    }

    /** The platform's catalog. */
    public static EventCatalog standard() {
        return new EventCatalog(STANDARD);
    }

    /** A catalog of the platform's types plus {@code extra} (tests and new features under review). */
    public static EventCatalog standardWith(EventType<?>... extra) {
        List<EventType<?>> all = new ArrayList<>(STANDARD);
        all.addAll(List.of(extra));
        return new EventCatalog(all);
    }

    /** The registration of an event class; an unregistered class is a programming error. */
    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> EventType<E> typeOf(Class<E> eventClass) {
        EventType<?> type = byClass.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName()
                    + " is not in the EventCatalog: register it in io.colmena.events.EventCatalog");
        }
        return (EventType<E>) type;
    }

    /** The registration of a received {@code type} and {@code version}, if this catalog knows it. */
    public Optional<EventType<?>> find(String type, int version) {
        return Optional.ofNullable(byType.get(type + "/v" + version));
    }

    /** All registrations. */
    public Collection<EventType<?>> all() {
        return List.copyOf(byClass.values());
    }
}
