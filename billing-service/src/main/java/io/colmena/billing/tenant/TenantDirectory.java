package io.colmena.billing.tenant;

import io.colmena.events.identity.TenantCreated;
import io.colmena.events.identity.TenantUpdated;
import io.colmena.platform.events.InboundEvents;
import java.sql.Timestamp;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the names of tenants (printed as the seller on invoice PDFs) from identity-service's
 * {@code colmena.identity.tenant} topic: {@code TenantCreated} and {@code TenantUpdated}. Idempotent
 * through {@link InboundEvents}; other tenant events are skipped.
 */
@Component
class TenantDirectory {

    static final String CONSUMER = "billing-service.tenant-directory";

    private final InboundEvents inbound;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TenantDirectory(InboundEvents inbound, JdbcTemplate jdbc, Clock clock) {
        this.inbound = inbound;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @KafkaListener(topics = "colmena.identity.tenant")
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, CONSUMER, event -> {
            switch (event.data()) {
                case TenantCreated created -> upsert(created.tenantId(), created.name(), null);
                case TenantUpdated updated -> upsert(updated.tenantId(), updated.name(), updated.locale());
                default -> { }
            }
        });
    }

    private void upsert(java.util.UUID tenant, String name, String locale) {
        jdbc.update("""
                insert into billing_tenant (tenant_id, name, locale, updated_at) values (?, ?, ?, ?)
                on conflict (tenant_id) do update set name = excluded.name,
                    locale = coalesce(excluded.locale, billing_tenant.locale), updated_at = excluded.updated_at""",
                tenant, name, locale, Timestamp.from(clock.instant()));
    }
}
