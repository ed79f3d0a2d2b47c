package io.colmena.platform.events;

import io.colmena.events.DomainEvent;
import io.colmena.events.EventCatalog;
import io.colmena.events.EventType;
import io.colmena.platform.tenancy.TenantContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes domain events through the transactional outbox.
 *
 * <p>Call {@link #publish} inside the transaction that changes the state the event reports. The
 * event is stored by Spring Modulith's event publication registry in that same transaction; after
 * commit {@link CloudEventKafkaRelay} sends it to Kafka, and until Kafka acknowledges it the
 * publication stays incomplete and {@link OutboxResubmission} sends it again. If the transaction
 * rolls back, the event is never sent.
 */
public class EventOutbox {

    private final ApplicationEventPublisher publisher;
    private final EventCatalog catalog;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final String source;
    private final ObjectProvider<Tracer> tracer;

    public EventOutbox(ApplicationEventPublisher publisher, EventCatalog catalog, JsonMapper jsonMapper, Clock clock,
                       String source, ObjectProvider<Tracer> tracer) {
        this.publisher = publisher;
        this.catalog = catalog;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.source = source;
        this.tracer = tracer;
    }

    /**
     * Stores {@code event} for sending after commit, for the tenant bound to this thread (none for
     * platform-level events).
     *
     * @return the CloudEvents id the event will carry
     * @throws IllegalStateException outside a transaction: an event must commit with its state change
     * @throws IllegalArgumentException when the event's class is not in the {@link EventCatalog}
     */
    public UUID publish(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Publish " + event.getClass().getSimpleName()
                    + " inside the transaction that changes the state it reports");
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        EventType<?> type = catalog.typeOf((Class) event.getClass());
        UUID id = UUID.randomUUID();
        publisher.publishEvent(new OutboundEvent(id, type.type(), type.version(), type.topic(), event.aggregateId(),
                source, TenantContext.current().orElse(null), clock.instant(), traceparent(),
                jsonMapper.writeValueAsString(event)));
        return id;
    }

    private String traceparent() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
