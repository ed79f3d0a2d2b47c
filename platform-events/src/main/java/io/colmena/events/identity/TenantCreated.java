package io.colmena.events.identity;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A business registered on the platform ({@code colmena.identity.tenant.created}).
 *
 * @param tenantId    the new tenant
 * @param name        business name
 * @param industry    industry code chosen at registration
 * @param plan        the plan it starts on (FREE)
 * @param status      its status (TRIAL)
 * @param trialEndsAt when the trial ends, {@code null} outside a trial
 */
public record TenantCreated(UUID tenantId, String name, String industry, Plan plan, TenantStatus status,
                            Instant trialEndsAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return tenantId.toString();
    }
}
