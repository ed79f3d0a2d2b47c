package io.colmena.events.identity;

import io.colmena.events.DomainEvent;
import java.util.UUID;

/**
 * A tenant moved to another plan ({@code colmena.identity.tenant.plan-changed}); services apply
 * the new plan's limits, the gateway its rate.
 */
public record TenantPlanChanged(UUID tenantId, Plan previousPlan, Plan plan) implements DomainEvent {

    @Override
    public String aggregateId() {
        return tenantId.toString();
    }
}
