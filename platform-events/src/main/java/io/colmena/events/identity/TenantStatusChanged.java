package io.colmena.events.identity;

import io.colmena.events.DomainEvent;
import java.util.UUID;

/**
 * A tenant's status changed ({@code colmena.identity.tenant.status-changed}); a SUSPENDED or
 * BANNED tenant is refused at the gateway from then on.
 *
 * @param reason why, as the operator or the system wrote it (may be {@code null})
 */
public record TenantStatusChanged(UUID tenantId, TenantStatus previousStatus, TenantStatus status, String reason)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return tenantId.toString();
    }
}
