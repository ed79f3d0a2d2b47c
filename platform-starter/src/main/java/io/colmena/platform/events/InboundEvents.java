package io.colmena.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.colmena.events.DomainEvent;
import io.colmena.events.EventCatalog;
import io.colmena.events.EventType;
import io.colmena.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent consumption of CloudEvents from Kafka.
 *
 * <p>A {@code @KafkaListener} hands each record to {@link #handle}. The record is read as a
 * CloudEvent, mapped to its {@link DomainEvent} record through the {@link EventCatalog}, and the
 * event's tenant is bound. Then, in one transaction, the event id is recorded in
 * {@code processed_event} for this consumer and the effect runs: a redelivery finds the id and
 * does nothing, and an effect that fails rolls the id back so the retry runs it again. A record
 * that cannot be read throws {@link UnreadableEventException} (sent to the DLT at once); an effect
 * that keeps failing reaches the DLT after the bounded retries of the container's error handler.
 */
public class InboundEvents {

    /** What {@link #handle} did with a record. */
    public enum Outcome {
        /** The effect ran and committed. */
        APPLIED,
        /** This consumer had already processed the event id; nothing ran. */
        DUPLICATE,
        /** The type is not in this service's catalog (a newer producer); skipped. */
        UNKNOWN_TYPE
    }

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);
    private static final Pattern SCHEMA_VERSION = Pattern.compile(":v(\\d+)$");
    private static final String MARK_PROCESSED = """
            insert into processed_event (consumer, event_id, event_type, tenant_id)
            values (?, ?, ?, ?) on conflict do nothing""";

    private final EventCatalog catalog;
    private final JsonMapper jsonMapper;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    public InboundEvents(EventCatalog catalog, JsonMapper jsonMapper, TransactionTemplate transactions,
                         JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jsonMapper = jsonMapper;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Applies {@code effect} to the event in {@code record} at most once for {@code consumer}.
     *
     * @param consumer a stable name for this effect (e.g. {@code identity-service.plan-sync}); two
     *                 effects of one service on the same event use two names
     * @throws UnreadableEventException when the record is not a readable Colmena CloudEvent
     */
    public Outcome handle(ConsumerRecord<String, byte[]> record, String consumer, Consumer<ReceivedEvent> effect) {
        CloudEvent cloudEvent = read(record);
        Optional<EventType<?>> type = catalog.find(cloudEvent.getType(), version(cloudEvent));
        if (type.isEmpty()) {
            log.debug("Skipping {} {}: not in this service's catalog", cloudEvent.getType(), cloudEvent.getId());
            return Outcome.UNKNOWN_TYPE;
        }
        ReceivedEvent event = toReceived(cloudEvent, type.get(), record.key());
        try (TenantContext.Binding ignored = TenantContext.bind(event.tenantId())) {
            Boolean applied = transactions.execute(status -> {
                int inserted = jdbc.update(MARK_PROCESSED, consumer, event.id().toString(), event.type().type(),
                        event.tenantId());
                if (inserted == 0) {
                    return false;
                }
                effect.accept(event);
                return true;
            });
            return Boolean.TRUE.equals(applied) ? Outcome.APPLIED : Outcome.DUPLICATE;
        }
    }

    private static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            return KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Record " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent", e);
        }
    }

    private static int version(CloudEvent event) {
        if (event.getDataSchema() == null) {
            return 1;
        }
        Matcher matcher = SCHEMA_VERSION.matcher(event.getDataSchema().toString());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
    }

    private ReceivedEvent toReceived(CloudEvent event, EventType<?> type, String key) {
        try {
            UUID id = UUID.fromString(event.getId());
            Object tenant = event.getExtension(CloudEventAttributes.TENANT_ID);
            UUID tenantId = tenant == null ? null : UUID.fromString(tenant.toString());
            if (event.getData() == null) {
                throw new IllegalArgumentException("the event has no data");
            }
            DomainEvent data = jsonMapper.readValue(event.getData().toBytes(), type.payload());
            Instant time = event.getTime() == null ? null : event.getTime().toInstant();
            return new ReceivedEvent(id, type, event.getSource(), key, tenantId, time, data);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new UnreadableEventException("Event " + event.getId() + " of type " + event.getType()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }
}
