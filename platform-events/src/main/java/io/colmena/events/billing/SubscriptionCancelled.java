package io.colmena.events.billing;

import io.colmena.events.DomainEvent;
import io.colmena.events.identity.Plan;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's platform subscription ended ({@code colmena.billing.subscription.cancelled}); the
 * tenant falls back to {@code plan} (FREE).
 */
public record SubscriptionCancelled(UUID tenantId, String subscriptionId, Plan plan, Instant endedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return tenantId.toString();
    }
}
