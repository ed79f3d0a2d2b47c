package io.colmena.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.colmena.billing.support.StripeFixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading subscriptions of every API shape in the fixtures. */
class StripeSubscriptionTest {

    private static JsonObject object(String file, String path) {
        JsonObject root = JsonParser.parseString(StripeFixtures.raw(file)).getAsJsonObject();
        for (String segment : path.split("\\.")) {
            if (!segment.isEmpty()) {
                root = root.getAsJsonObject(segment);
            }
        }
        return root;
    }

    @Test
    void readsTheOldShapeWithAYearlyLegacyPlanAndTrial() {
        StripeSubscription subscription = StripeSubscription.from(
                object("zulip/customer_subscription_updated.json", "data.object"));

        assertThat(subscription.id()).isEqualTo("sub_E6STM5w5EX3K28");
        assertThat(subscription.customerId()).isEqualTo("cus_00000000000000");
        assertThat(subscription.status()).isEqualTo("trialing");
        assertThat(subscription.priceId()).isEqualTo("plan_E6SQ6RAtmLVtzg");
        assertThat(subscription.currency()).isEqualTo("USD");
        assertThat(subscription.periodEnd()).isEqualTo(Instant.ofEpochSecond(1572609600));
        assertThat(subscription.mrrMinor()).as("a trial pays nothing yet").isZero();
    }

    @Test
    void normalisesAYearlyPriceToMonthlyRecurringRevenue() {
        JsonObject active = object("zulip/customer_subscription_updated.json", "data.object");
        active.addProperty("status", "active");

        // 100 cents x 800 seats a year = 80,000 / 12 = 6,666.67 -> 6,667
        assertThat(StripeSubscription.from(active).mrrMinor()).isEqualTo(6667);
    }

    @Test
    void readsThe2025ShapeWithPeriodsOnItems() {
        StripeSubscription subscription = StripeSubscription.from(object("stripe-openapi-fixtures3/subscription.json", ""));

        assertThat(subscription.status()).isEqualTo("active");
        assertThat(subscription.priceId()).isEqualTo("price_1PgafmB7WZ01zgkW6dKueIc5");
        assertThat(subscription.itemId()).isNotNull();
        assertThat(subscription.periodEnd()).isEqualTo(Instant.ofEpochSecond(976287773));
        assertThat(subscription.mrrMinor()).isEqualTo(2000);
    }

    @Test
    void aCanceledSubscriptionHasNoRevenue() {
        StripeSubscription subscription = StripeSubscription.from(
                object("pay-mit/subscription.updated.data.json", "object"));

        assertThat(subscription.status()).isEqualTo("canceled");
        assertThat(subscription.mrrMinor()).isZero();
        assertThat(subscription.priceId()).isEqualTo("FFBEGINNER_00000000000000");
    }
}
