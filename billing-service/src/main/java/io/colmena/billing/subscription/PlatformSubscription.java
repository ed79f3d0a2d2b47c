package io.colmena.billing.subscription;

import io.colmena.events.identity.Plan;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's subscription to a Colmena plan, mirrored from Colmena's Stripe account. Platform-level
 * (no {@code @TenantId}): Colmena owns it, PLATFORM_ADMIN lists all of them, and a tenant reads only
 * its own row by the token's tenant. Its state only moves forward in Stripe time
 * ({@link #stateChangedAt}): an older event never overwrites a newer one.
 */
@Entity
@Table(name = "platform_subscription")
class PlatformSubscription {

    /** Statuses in which the tenant is entitled to its paid plan (Stripe keeps serving past_due while it retries). */
    static final Set<String> ENTITLED = Set.of("active", "trialing", "past_due");

    @Id
    private UUID tenantId;

    private String stripeCustomerId;
    private String stripeSubscriptionId;
    private String stripeItemId;
    private String stripePriceId;

    @Enumerated(EnumType.STRING)
    private Plan plan;

    private String status;
    private String currency;
    private long mrrMinor;
    private Instant currentPeriodStart;
    private Instant currentPeriodEnd;
    private boolean cancelAtPeriodEnd;

    @Enumerated(EnumType.STRING)
    private Plan scheduledPlan;

    private Instant stateChangedAt;
    private boolean everPaying;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected PlatformSubscription() {}

    PlatformSubscription(UUID tenantId, String stripeCustomerId, Instant now) {
        this.tenantId = tenantId;
        this.stripeCustomerId = stripeCustomerId;
        this.plan = Plan.FREE;
        this.status = "none";
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The plan the tenant may use now. */
    Plan entitledPlan() {
        return ENTITLED.contains(status) ? plan : Plan.FREE;
    }

    /** Whether {@code changedAt} is older than the state already recorded. */
    boolean isNewerThan(Instant changedAt) {
        return stateChangedAt != null && changedAt.isBefore(stateChangedAt);
    }

    /** Applies Stripe's state; answers whether anything a consumer cares about changed. */
    boolean apply(StripeSubscription state, Plan newPlan, Instant changedAt, Instant now) {
        boolean changed = !Objects.equals(stripeSubscriptionId, state.id()) || newPlan != plan
                || !Objects.equals(status, state.status()) || mrrMinor != state.mrrMinor()
                || !Objects.equals(currentPeriodEnd, state.periodEnd()) || cancelAtPeriodEnd != state.cancelAtPeriodEnd()
                || !Objects.equals(stripePriceId, state.priceId());
        this.stripeSubscriptionId = state.id();
        if (state.customerId() != null) {
            this.stripeCustomerId = state.customerId();
        }
        this.stripeItemId = state.itemId() != null ? state.itemId() : stripeItemId;
        this.stripePriceId = state.priceId();
        this.plan = newPlan;
        this.status = state.status();
        this.currency = state.currency() != null ? state.currency() : currency;
        this.mrrMinor = state.mrrMinor();
        this.currentPeriodStart = state.periodStart();
        this.currentPeriodEnd = state.periodEnd();
        this.cancelAtPeriodEnd = state.cancelAtPeriodEnd();
        this.stateChangedAt = changedAt;
        if (scheduledPlan == newPlan || "canceled".equals(state.status())) {
            this.scheduledPlan = null;
        }
        if (state.mrrMinor() > 0) {
            this.everPaying = true;
        }
        this.updatedAt = now;
        return changed;
    }

    void link(String subscriptionId, String customerId, Instant now) {
        if (customerId != null) {
            this.stripeCustomerId = customerId;
        }
        if (stripeSubscriptionId == null || "canceled".equals(status) || "none".equals(status)) {
            this.stripeSubscriptionId = subscriptionId;
        }
        this.updatedAt = now;
    }

    void schedule(Plan target, Instant now) {
        this.scheduledPlan = target;
        this.updatedAt = now;
    }

    UUID tenantId() { return tenantId; }
    String stripeCustomerId() { return stripeCustomerId; }
    String stripeSubscriptionId() { return stripeSubscriptionId; }
    String stripeItemId() { return stripeItemId; }
    String stripePriceId() { return stripePriceId; }
    Plan plan() { return plan; }
    String status() { return status; }
    String currency() { return currency; }
    long mrrMinor() { return mrrMinor; }
    Instant currentPeriodStart() { return currentPeriodStart; }
    Instant currentPeriodEnd() { return currentPeriodEnd; }
    boolean cancelAtPeriodEnd() { return cancelAtPeriodEnd; }
    Plan scheduledPlan() { return scheduledPlan; }
    Instant stateChangedAt() { return stateChangedAt; }
    boolean everPaying() { return everPaying; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
