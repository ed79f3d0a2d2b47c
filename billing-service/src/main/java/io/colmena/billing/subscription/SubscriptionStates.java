package io.colmena.billing.subscription;

import io.colmena.billing.stripe.StripeEventHandler.Result;
import io.colmena.events.billing.SubscriptionCancelled;
import io.colmena.events.billing.SubscriptionChanged;
import io.colmena.events.identity.Plan;
import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies a Stripe subscription state to a tenant's {@link PlatformSubscription}, in the caller's
 * transaction: newest state wins (by Stripe's time), a change publishes {@link SubscriptionChanged} (or
 * {@link SubscriptionCancelled} when Stripe ended it) for identity-service, and every change of MRR is
 * written to the MRR movement ledger with the event behind it.
 */
@Component
class SubscriptionStates {

    private final PlatformSubscriptionRepository subscriptions;
    private final PlanCatalog catalog;
    private final EventOutbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SubscriptionStates(PlatformSubscriptionRepository subscriptions, PlanCatalog catalog, EventOutbox outbox,
                       JdbcTemplate jdbc, Clock clock) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Applies {@code state} (as of {@code changedAt}) to the locked {@code subscription}.
     *
     * @param stripeEventId the Stripe event that reported it, or {@code null} when it came from an API answer
     */
    Result apply(PlatformSubscription subscription, StripeSubscription state, Instant changedAt, String stripeEventId) {
        if (subscription.isNewerThan(changedAt)) {
            return Result.stale("Subscription " + state.id() + " already has a newer state (as of "
                    + subscription.stateChangedAt() + ")");
        }
        if (subscription.stripeSubscriptionId() != null && !subscription.stripeSubscriptionId().equals(state.id())
                && !"canceled".equals(subscription.status()) && !"none".equals(subscription.status())
                && !StripeSubscription.PAYING.contains(state.status()) && !"trialing".equals(state.status())) {
            return Result.ignored("Subscription " + state.id() + " is not the tenant's current subscription "
                    + subscription.stripeSubscriptionId());
        }
        if ("canceled".equals(subscription.status()) && state.id().equals(subscription.stripeSubscriptionId())
                && !"canceled".equals(state.status())) {
            return Result.stale("Subscription " + state.id() + " was already canceled; cancellation is final");
        }
        Plan planBefore = subscription.entitledPlan();
        long mrrBefore = subscription.mrrMinor();
        String currencyBefore = subscription.currency();
        Plan plan = catalog.planOfPrice(state.priceId())
                .or(() -> parsePlan(state.planMetadata()))
                .orElse(subscription.plan());
        Instant now = clock.instant();
        boolean changed = subscription.apply(state, plan, changedAt, now);
        subscriptions.saveAndFlush(subscription);
        if (!changed) {
            return Result.noChange("Subscription " + state.id() + " already " + state.status() + " on " + plan);
        }
        UUID tenant = subscription.tenantId();
        UUID published = TenantContext.callAs(tenant, () -> "canceled".equals(state.status())
                ? outbox.publish(new SubscriptionCancelled(tenant, state.id(), Plan.FREE, changedAt))
                : outbox.publish(new SubscriptionChanged(tenant, state.id(), subscription.entitledPlan(),
                        state.status(), state.periodEnd(), state.cancelAtPeriodEnd(), changedAt)));
        if (mrrBefore != subscription.mrrMinor()) {
            String kind = kind(mrrBefore, subscription.mrrMinor(), mrrBefore == 0 && wasPayingBefore(tenant));
            jdbc.update("""
                    insert into mrr_movement (id, tenant_id, stripe_subscription_id, kind, plan_before, plan_after,
                        mrr_before_minor, mrr_after_minor, delta_minor, currency, occurred_at, stripe_event_id,
                        published_event_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID(), tenant, state.id(), kind, planBefore.name(), subscription.entitledPlan().name(),
                    mrrBefore, subscription.mrrMinor(), subscription.mrrMinor() - mrrBefore,
                    subscription.mrrMinor() > 0 ? subscription.currency()
                            : (currencyBefore != null ? currencyBefore : subscription.currency()),
                    Timestamp.from(changedAt), stripeEventId, published);
        }
        return Result.applied("Subscription " + state.id() + " " + state.status() + " on " + subscription.entitledPlan()
                + (subscription.cancelAtPeriodEnd() ? ", ends at period end" : ""));
    }

    private boolean wasPayingBefore(UUID tenant) {
        Long movements = jdbc.queryForObject("select count(*) from mrr_movement where tenant_id = ? and mrr_after_minor > 0",
                Long.class, tenant);
        return movements != null && movements > 0;
    }

    /** NEW, REACTIVATION (paid before, then stopped), EXPANSION, CONTRACTION or CHURN. */
    static String kind(long before, long after, boolean paidBefore) {
        if (before == 0) {
            return paidBefore ? "REACTIVATION" : "NEW";
        }
        if (after == 0) {
            return "CHURN";
        }
        return after > before ? "EXPANSION" : "CONTRACTION";
    }

    private static java.util.Optional<Plan> parsePlan(String name) {
        try {
            return name == null ? java.util.Optional.empty() : java.util.Optional.of(Plan.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
