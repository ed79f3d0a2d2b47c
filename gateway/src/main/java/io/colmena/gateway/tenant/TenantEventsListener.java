package io.colmena.gateway.tenant;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import io.colmena.events.identity.IdentityEvents;
import io.colmena.events.identity.TenantCreated;
import io.colmena.events.identity.TenantPlanChanged;
import io.colmena.events.identity.TenantStatusChanged;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link TenantDirectory} current from identity-service's tenant events (topic
 * {@code colmena.identity.tenant}, CloudEvents 1.0 in Kafka binary mode, JSON {@code data} as in
 * {@code io.colmena.events.identity}):
 * <ul>
 *   <li>{@code colmena.identity.tenant.created} → the tenant with its plan and status;</li>
 *   <li>{@code colmena.identity.tenant.plan-changed} → its new plan (a new rate at once);</li>
 *   <li>{@code colmena.identity.tenant.status-changed} → its new status (SUSPENDED/BANNED → 403);</li>
 *   <li>other types of the topic are ignored.</li>
 * </ul>
 *
 * <p>Every gateway instance must see every event, so each one consumes in a consumer group of
 * its own ({@code gateway-<random UUID>}), from the latest offset, committing nothing (the group
 * leaves no trace on the broker once the instance stops). Events published while an instance was
 * down are covered by the directory's cache expiry and by the fact that a new instance starts
 * with an empty cache. Applying an event twice is harmless, so no idempotency store is needed.
 * An unreadable record is logged and, when its tenant is known, that tenant is looked up again.
 */
@Component
class TenantEventsListener {

    private static final Logger log = LoggerFactory.getLogger(TenantEventsListener.class);

    /** Listener id, to find its container in the registry. */
    static final String ID = "gateway-tenant-events";

    private final TenantDirectory directory;
    private final JsonMapper jsonMapper;

    TenantEventsListener(TenantDirectory directory, JsonMapper jsonMapper) {
        this.directory = directory;
        this.jsonMapper = jsonMapper;
    }

    @KafkaListener(id = ID, topics = "${colmena.gateway.tenants.events-topic}",
            groupId = "gateway-${random.uuid}", containerFactory = TenantEventsKafkaConfiguration.CONTAINER_FACTORY,
            properties = {"auto.offset.reset=latest", "enable.auto.commit=false"})
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        }
        catch (CloudEventRWException | IllegalStateException ex) {
            log.warn("Skipped a record of {} at offset {} that is not a CloudEvent: {}", record.topic(), record.offset(),
                    ex.toString());
            tenantOf(record, null).ifPresent(directory::forget);
            return;
        }
        try {
            apply(event);
        }
        catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
            log.warn("Skipped event {} of type {}: its data is unreadable: {}", event.getId(), event.getType(),
                    ex.toString());
            tenantOf(record, event).ifPresent(directory::forget);
        }
    }

    private void apply(CloudEvent event) {
        String type = event.getType();
        if (type.equals(IdentityEvents.TENANT_PLAN_CHANGED.type())) {
            TenantPlanChanged changed = read(event, TenantPlanChanged.class);
            log.info("Tenant {} moved from plan {} to {}", changed.tenantId(), changed.previousPlan(), changed.plan());
            directory.planChanged(changed.tenantId(), java.util.Objects.requireNonNull(changed.plan(), "plan"));
        }
        else if (type.equals(IdentityEvents.TENANT_STATUS_CHANGED.type())) {
            TenantStatusChanged changed = read(event, TenantStatusChanged.class);
            log.info("Tenant {} changed status from {} to {}", changed.tenantId(), changed.previousStatus(),
                    changed.status());
            directory.statusChanged(changed.tenantId(), java.util.Objects.requireNonNull(changed.status(), "status"));
        }
        else if (type.equals(IdentityEvents.TENANT_CREATED.type())) {
            TenantCreated created = read(event, TenantCreated.class);
            directory.created(created.tenantId(), java.util.Objects.requireNonNull(created.plan(), "plan"),
                    java.util.Objects.requireNonNull(created.status(), "status"));
        }
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("no data");
        }
        T value = jsonMapper.readValue(event.getData().toBytes(), type);
        if (value == null) {
            throw new IllegalArgumentException("null data");
        }
        return value;
    }

    /** The tenant a record is about: the {@code tenantid} extension, else the record key. */
    private static Optional<UUID> tenantOf(ConsumerRecord<String, byte[]> record, CloudEvent event) {
        Object extension = event == null ? null : event.getExtension("tenantid");
        String candidate = extension != null ? extension.toString() : record.key();
        try {
            return candidate == null ? Optional.empty() : Optional.of(UUID.fromString(candidate));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
