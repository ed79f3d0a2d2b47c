package io.colmena.events.billing;

import io.colmena.events.DomainEvent;
import io.colmena.events.identity.Plan;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's platform subscription (what it pays Colmena) changed
 * ({@code colmena.billing.subscription.changed}); identity-service applies {@code plan}.
 *
 * @param subscriptionId    Stripe subscription id ({@code sub_...})
 * @param plan              the plan the tenant is entitled to now
 * @param status            Stripe's subscription status ({@code active}, {@code trialing}, {@code past_due}, ...)
 * @param currentPeriodEnd  end of the paid period
 * @param cancelAtPeriodEnd whether it ends at {@code currentPeriodEnd}
 * @param changedAt         when Stripe made the change (the event's {@code created}), to order updates
 */
public record SubscriptionChanged(UUID tenantId, String subscriptionId, Plan plan, String status,
                                  Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Instant changedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return tenantId.toString();
    }
}
