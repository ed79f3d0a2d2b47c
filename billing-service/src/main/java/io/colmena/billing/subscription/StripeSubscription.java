package io.colmena.billing.subscription;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.colmena.billing.money.Money;
import io.colmena.billing.stripe.StripeJson;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What billing-service reads from a Stripe Subscription object, in any API version: the old shape
 * (top-level {@code plan}, {@code quantity}, {@code current_period_*}) and the 2025 shape (prices and
 * periods on {@code items.data[]}).
 *
 * <p><b>MRR</b> of a subscription: Σ over items of unit amount × quantity, normalised to one month
 * (yearly ÷ 12, weekly × 52 ÷ 12, daily × 365 ÷ 12, each ÷ interval_count), rounded half up to the
 * minor unit; counted only while the status is {@code active} or {@code past_due} (a trial has not
 * paid yet; {@code canceled}, {@code unpaid}, {@code incomplete*} and {@code paused} pay nothing).
 *
 * @param id                subscription id {@code sub_...}
 * @param customerId        its customer {@code cus_...}
 * @param status            Stripe's status
 * @param itemId            the first item's id (changed on a plan change)
 * @param priceId           the first item's price (or legacy plan) id
 * @param currency          ISO 4217, upper case
 * @param mrrMinor          monthly recurring revenue in minor units, 0 when not counted
 * @param periodStart       current period start
 * @param periodEnd         current period end
 * @param cancelAtPeriodEnd whether it ends at period end
 * @param tenantMetadata    {@code metadata.colmena_tenant_id}, if billing-service created it
 * @param planMetadata      {@code metadata.colmena_plan}
 */
record StripeSubscription(String id, String customerId, String status, String itemId, String priceId,
                          String currency, long mrrMinor, Instant periodStart, Instant periodEnd,
                          boolean cancelAtPeriodEnd, String tenantMetadata, String planMetadata) {

    static final Set<String> PAYING = Set.of("active", "past_due");

    static StripeSubscription from(JsonObject object) {
        String status = StripeJson.string(object, "status").orElse("incomplete");
        JsonObject firstItem = StripeJson.object(object, "items.data.0").orElse(new JsonObject());
        String priceId = StripeJson.firstString(firstItem, "price.id", "plan.id")
                .or(() -> StripeJson.firstString(object, "plan.id", "price.id")).orElse(null);
        String currency = StripeJson.firstString(firstItem, "price.currency", "plan.currency")
                .or(() -> StripeJson.firstString(object, "currency", "plan.currency"))
                .map(c -> c.toUpperCase(Locale.ROOT)).orElse(null);
        long mrr = PAYING.contains(status) ? monthly(object) : 0;
        Instant start = StripeJson.instant(object, "current_period_start")
                .or(() -> StripeJson.instant(firstItem, "current_period_start")).orElse(null);
        Instant end = StripeJson.instant(object, "current_period_end")
                .or(() -> StripeJson.instant(firstItem, "current_period_end")).orElse(null);
        return new StripeSubscription(StripeJson.string(object, "id").orElse(null),
                StripeJson.string(object, "customer").orElse(null), status,
                StripeJson.string(firstItem, "id").orElse(null), priceId, currency, mrr, start, end,
                StripeJson.bool(object, "cancel_at_period_end").orElse(false),
                StripeJson.string(object, "metadata.colmena_tenant_id").orElse(null),
                StripeJson.string(object, "metadata.colmena_plan").orElse(null));
    }

    private static long monthly(JsonObject subscription) {
        Optional<JsonArray> items = StripeJson.at(subscription, "items.data")
                .filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray);
        long total = 0;
        if (items.isPresent() && !items.get().isEmpty()) {
            for (JsonElement item : items.get()) {
                if (item.isJsonObject()) {
                    JsonObject it = item.getAsJsonObject();
                    JsonObject price = StripeJson.object(it, "price").or(() -> StripeJson.object(it, "plan"))
                            .orElse(new JsonObject());
                    total = Money.add(total, monthly(price, StripeJson.number(it, "quantity").orElse(1L)));
                }
            }
            return total;
        }
        return StripeJson.object(subscription, "plan")
                .map(plan -> monthly(plan, StripeJson.number(subscription, "quantity").orElse(1L))).orElse(0L);
    }

    private static long monthly(JsonObject price, long quantity) {
        long amount = StripeJson.number(price, "unit_amount").or(() -> StripeJson.number(price, "amount")).orElse(0L);
        String interval = StripeJson.string(price, "recurring.interval")
                .or(() -> StripeJson.string(price, "interval")).orElse("month");
        long count = Math.max(1, StripeJson.number(price, "recurring.interval_count")
                .or(() -> StripeJson.number(price, "interval_count")).orElse(1L));
        long perPeriod = Money.multiply(amount, quantity);
        return switch (interval) {
            case "year" -> Money.divideHalfUp(perPeriod, Money.multiply(12, count));
            case "week" -> Money.divideHalfUp(Money.multiply(perPeriod, 52), Money.multiply(12, count));
            case "day" -> Money.divideHalfUp(Money.multiply(perPeriod, 365), Money.multiply(12, count));
            default -> Money.divideHalfUp(perPeriod, count);
        };
    }
}
