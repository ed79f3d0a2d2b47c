package io.colmena.billing.subscription;

import io.colmena.billing.money.Money;
import io.colmena.billing.subscription.SubscriptionDtos.ProrationLine;
import io.colmena.events.identity.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Time-based proration of an immediate plan change, as Stripe computes it
 * (https://docs.stripe.com/billing/subscriptions/prorations): a credit for the unused part of the
 * current price and a charge for the same part of the new price, each {@code price × remaining ÷
 * period} in seconds, rounded half up to the minor unit.
 */
final class Proration {

    private Proration() {}

    /** The two lines for a change at {@code at} within [{@code start}, {@code end}); none outside the period. */
    static List<ProrationLine> lines(Plan from, long fromPriceMinor, Plan to, long toPriceMinor, Instant start,
                                     Instant end, Instant at) {
        if (start == null || end == null || !end.isAfter(start) || !end.isAfter(at)) {
            return List.of();
        }
        Instant from0 = at.isBefore(start) ? start : at;
        long period = Duration.between(start, end).toSeconds();
        long remaining = Duration.between(from0, end).toSeconds();
        long credit = Money.divideHalfUp(Money.multiply(fromPriceMinor, remaining), period);
        long charge = Money.divideHalfUp(Money.multiply(toPriceMinor, remaining), period);
        return List.of(new ProrationLine("Unused time on " + from + " after " + from0, -credit, from0, end),
                new ProrationLine("Remaining time on " + to + " after " + from0, charge, from0, end));
    }
}
