package io.colmena.billing.metrics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Colmena's revenue metrics in one currency ({@code GET /api/billing/metrics}). All amounts are
 * integers in minor units of {@code currency}; rates are integers in basis points (250 = 2.50 %).
 *
 * @param mrrMinor            monthly recurring revenue now: Σ MRR of active and past_due subscriptions
 * @param arrMinor            annual run rate: MRR × 12
 * @param payingSubscriptions subscriptions counted in MRR
 * @param ledgerMrrMinor      Σ of every ledger movement ever: equals {@code mrrMinor} (the ledger explains it)
 * @param churn               logo and revenue churn over [{@code from}, {@code to})
 * @param revenueByMonth      cash collected per calendar month (UTC) from paid subscription invoices
 * @param byPlan              paying subscriptions and MRR per plan
 * @param movementTotals      Σ delta per movement kind over [{@code from}, {@code to})
 * @param movements           the ledger entries over [{@code from}, {@code to}), oldest first (at most 500)
 */
public record MetricsResponse(String currency, Instant asOf, Instant from, Instant to, long mrrMinor, long arrMinor,
                              long payingSubscriptions, long ledgerMrrMinor, Churn churn,
                              List<MonthRevenue> revenueByMonth, List<PlanBreakdown> byPlan,
                              MovementTotals movementTotals, List<Movement> movements) {

    /**
     * @param subscriptionsAtStart subscriptions paying at {@code from}
     * @param churned              of those and of the ones that started during the period, how many stopped paying
     * @param rateBasisPoints      churned ÷ subscriptionsAtStart, in basis points, rounded half up (0 if none at start)
     * @param churnedMrrMinor      MRR lost to churn
     */
    public record Churn(long subscriptionsAtStart, long churned, long rateBasisPoints, long churnedMrrMinor) {}

    /**
     * @param month         {@code yyyy-MM}
     * @param revenueMinor  Σ amounts paid
     * @param refundedMinor Σ refunded since
     * @param netMinor      revenue − refunded
     */
    public record MonthRevenue(String month, long revenueMinor, long refundedMinor, long netMinor) {}

    public record PlanBreakdown(String plan, long subscriptions, long mrrMinor) {}

    public record MovementTotals(long newMinor, long expansionMinor, long contractionMinor, long churnMinor,
                                 long reactivationMinor, long netMinor) {}

    /**
     * One change of a subscription's MRR and the event behind it.
     *
     * @param kind             NEW, EXPANSION, CONTRACTION, CHURN or REACTIVATION
     * @param stripeEventId    the Stripe event that reported the change ({@code evt_...}), or null when it
     *                         was made through the API (plan change, cancel, resume)
     * @param publishedEventId the CloudEvents id of the SubscriptionChanged/SubscriptionCancelled published for it
     */
    public record Movement(UUID id, String kind, UUID tenantId, String stripeSubscriptionId, String planBefore,
                           String planAfter, long mrrBeforeMinor, long mrrAfterMinor, long deltaMinor,
                           Instant occurredAt, String stripeEventId, UUID publishedEventId) {}
}
