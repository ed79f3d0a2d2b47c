package io.colmena.billing.subscription;

import io.colmena.events.identity.Plan;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response records of {@code /api/subscriptions}. Amounts are integers in minor units. */
public final class SubscriptionDtos {

    private SubscriptionDtos() {}

    /**
     * A tenant's platform subscription.
     *
     * @param plan              the plan the tenant is entitled to now (FREE without a paying subscription)
     * @param status            Stripe's status ({@code active}, {@code trialing}, {@code past_due}, {@code canceled}),
     *                          or {@code none} when the tenant never subscribed
     * @param mrrMinor          what it pays per month, in minor units of {@code currency}
     * @param cancelAtPeriodEnd whether it ends at {@code currentPeriodEnd}
     * @param scheduledPlan     a downgrade that takes effect at {@code currentPeriodEnd}, if any
     * @param limits            the limits of {@code plan} ({@code -1} = unlimited)
     */
    public record SubscriptionResponse(UUID tenantId, Plan plan, String status, String stripeSubscriptionId,
                                       String currency, long mrrMinor, Instant currentPeriodStart,
                                       Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Plan scheduledPlan,
                                       Limits limits, Instant updatedAt) {}

    /** The limits of a plan (ARCHITECTURE.md §4); {@code -1} is unlimited. */
    public record Limits(int whatsappMessagesPerDay, int ragDocuments, int contacts, int users) {

        static Limits of(Plan plan) {
            return new Limits(plan.whatsappMessagesPerDay(), plan.ragDocuments(), plan.contacts(), plan.users());
        }
    }

    /**
     * A plan to check out or change to.
     *
     * @param plan STARTER, PRO or ENTERPRISE (FREE: cancel instead)
     */
    public record PlanRequest(@NotNull Plan plan) {}

    /**
     * A Stripe Checkout Session for a paid plan.
     *
     * @param url where to send the tenant's owner to pay
     */
    public record CheckoutResponse(String sessionId, String url, Plan plan) {}

    /**
     * What changing plan would do, before anything changes.
     *
     * @param direction      UPGRADE (applied now, prorated) or DOWNGRADE (applied at period end, no proration)
     * @param effectiveAt    when the new plan applies
     * @param newPriceMinor  the new plan's monthly price
     * @param prorationLines credit for unused time on the current plan and charge for the rest of the period
     *                       on the new one (Stripe's time-based proration,
     *                       https://docs.stripe.com/billing/subscriptions/prorations), each rounded half up
     * @param dueNowMinor    Σ proration lines: what the upgrade invoices now (0 for a downgrade)
     * @param limits         each limit's value before and after, and whether it is GAINED, LOST or UNCHANGED
     */
    public record ChangePreview(Plan currentPlan, Plan newPlan, String direction, Instant effectiveAt,
                                long newPriceMinor, String currency, List<ProrationLine> prorationLines,
                                long dueNowMinor, List<LimitChange> limits) {}

    /**
     * One proration line.
     *
     * @param amountMinor negative for a credit
     */
    public record ProrationLine(String description, long amountMinor, Instant periodStart, Instant periodEnd) {}

    /**
     * How one limit changes.
     *
     * @param change GAINED, LOST or UNCHANGED ({@code -1}, unlimited, is more than any number)
     */
    public record LimitChange(String limit, int before, int after, String change) {}

    /**
     * The result of a plan change.
     *
     * @param preview      what the change does
     * @param subscription the subscription afterwards
     */
    public record ChangeResponse(ChangePreview preview, SubscriptionResponse subscription) {}
}
