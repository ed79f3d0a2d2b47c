package io.colmena.billing.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.colmena.billing.support.StripeFixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.billing.support.BillingIntegrationTest;
import io.colmena.billing.support.StripeFixtures;
import io.colmena.platform.test.KafkaTestRecords;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tenants' subscriptions to Colmena: checkout, the subscription events of Colmena's own Stripe account
 * (out of order too), plan change preview and change, cancel and resume, the events identity-service
 * applies, and the revenue metrics with their MRR ledger.
 */
class PlatformSubscriptionIT extends BillingIntegrationTest {

    private static final String OPENAPI_SUBSCRIPTION = "stripe-openapi-fixtures3/subscription.json";
    private static final String OPENAPI_CUSTOMER_ID = "cus_QXg1o8vcGmoR32";
    private static final String OPENAPI_SUBSCRIPTION_ID = "sub_1Pgc6rB7WZ01zgkWNy0Cn5nw";

    private void forget(String customer, String subscription, String... eventIds) {
        jdbc.update("delete from platform_subscription where stripe_customer_id = ? or stripe_subscription_id = ?",
                customer, subscription);
        jdbc.update("delete from mrr_movement where stripe_subscription_id = ?", subscription);
        for (String id : eventIds) {
            jdbc.update("delete from stripe_event where stripe_event_id = ?", id);
        }
    }

    private List<ConsumerRecord<String, byte[]>> subscriptionEvents(UUID tenant, String type, Duration quiet) {
        return KafkaTestRecords.readAll(kafka(), "colmena.billing.subscription", r -> tenant.toString().equals(r.key())
                && KafkaTestRecords.header(r, "ce_type").filter(type::equals).isPresent(), quiet);
    }

    @Test
    void outOfOrderSubscriptionUpdatesKeepTheNewestState() {
        String newer = raw("zulip/customer_subscription_updated.json");
        // the same update as Stripe saw it a few minutes earlier: data.previous_attributes applied, older created
        ObjectNode older = StripeFixtures.tree("zulip/customer_subscription_updated.json");
        older.put("id", "evt_before_evt_1DeFo8DEQaroqDjsk4tzzzdV");
        older.put("created", older.get("created").asLong() - 600);
        ObjectNode object = (ObjectNode) older.get("data").get("object");
        older.get("data").get("previous_attributes").properties().forEach(e -> object.set(e.getKey(), e.getValue()));
        forget("cus_00000000000000", "sub_E6STM5w5EX3K28", "evt_1DeFo8DEQaroqDjsk4tzzzdV",
                "evt_before_evt_1DeFo8DEQaroqDjsk4tzzzdV");
        UUID tenant = UUID.randomUUID();
        jdbc.update("""
                insert into platform_subscription (tenant_id, stripe_customer_id, plan, status, created_at, updated_at, version)
                values (?, 'cus_00000000000000', 'FREE', 'none', now(), now(), 0)""", tenant);

        HttpResponse<String> first = deliverSigned(newer);
        HttpResponse<String> late = deliverSigned(StripeFixtures.write(older));

        assertThat(json(first).get("outcome").asString()).as(first.body()).isEqualTo("APPLIED");
        assertThat(json(late).get("outcome").asString()).isEqualTo("STALE");
        String owner = token(tenant, "OWNER", null);
        JsonNode current = json(call("GET", "/api/subscriptions/current", owner, null));
        assertThat(current.get("status").asString()).isEqualTo("trialing");
        assertThat(current.get("plan").asString()).isEqualTo("PRO");
        assertThat(current.get("currentPeriodEnd").asString()).isEqualTo("2019-11-01T12:00:00Z");
        assertThat(current.get("limits").get("users").asInt()).isEqualTo(10);
        List<ConsumerRecord<String, byte[]>> changes = subscriptionEvents(tenant, "colmena.billing.subscription.changed",
                Duration.ofSeconds(6));
        assertThat(changes).hasSize(1);
        String data = new String(changes.getFirst().value(), StandardCharsets.UTF_8);
        assertThat(data).contains("\"plan\":\"PRO\"").contains("\"status\":\"trialing\"");
    }

    @Test
    void checkoutSubscriptionLifecycleAndTheMrrLedgerThatExplainsIt() {
        forget(OPENAPI_CUSTOMER_ID, OPENAPI_SUBSCRIPTION_ID);
        jdbc.update("delete from stripe_event where object_id = ?", OPENAPI_SUBSCRIPTION_ID);
        UUID tenant = UUID.randomUUID();
        String owner = token(tenant, "OWNER", null);
        String admin = cachedToken(UUID.randomUUID(), "PLATFORM_ADMIN", null);
        stripe().stubFor(post(urlPathEqualTo("/v1/customers"))
                .willReturn(okJson(raw("stripe-openapi-fixtures3/customer.json"))));
        stripe().stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .willReturn(okJson(raw("stripe-openapi-fixtures3/checkout.session.json"))));

        assertProblem(call("POST", "/api/subscriptions/change/preview", owner, "{\"plan\": \"PRO\"}"), 409, "no-subscription");
        HttpResponse<String> checkout = call("POST", "/api/subscriptions/checkout", owner, "{\"plan\": \"STARTER\"}");
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
        assertThat(json(checkout).get("url").asString()).startsWith("https://checkout.stripe.com/");
        stripe().verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", matching("tenant-" + tenant + "-checkout-STARTER-v\\d+"))
                .withRequestBody(matching(".*customer=" + OPENAPI_CUSTOMER_ID + ".*"))
                .withRequestBody(matching(".*price_colmena_starter_monthly.*")));
        assertProblem(call("POST", "/api/subscriptions/checkout", owner, "{\"plan\": \"FREE\"}"), 422, "plan-not-purchasable");

        // Stripe reports the new subscription (its canonical fixture: active, 20.00 USD a month)
        String created = StripeFixtures.envelope("evt_created_" + UUID.randomUUID(), "customer.subscription.created",
                now() - 30, false, OPENAPI_SUBSCRIPTION);
        HttpResponse<String> applied = deliverSigned(created);
        assertThat(json(applied).get("outcome").asString()).as(applied.body()).isEqualTo("APPLIED");
        JsonNode current = json(call("GET", "/api/subscriptions/current", owner, null));
        assertThat(current.get("plan").asString()).isEqualTo("STARTER");
        assertThat(current.get("mrrMinor").asLong()).isEqualTo(2000);
        assertProblem(call("POST", "/api/subscriptions/checkout", owner, "{\"plan\": \"PRO\"}"), 409, "subscription-exists");

        HttpResponse<String> preview = call("POST", "/api/subscriptions/change/preview", owner, "{\"plan\": \"PRO\"}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(json(preview).get("direction").asString()).isEqualTo("UPGRADE");
        assertThat(json(preview).get("newPriceMinor").asLong()).isEqualTo(9900);
        assertThat(json(preview).get("limits").toString()).contains("\"limit\":\"users\",\"before\":3,\"after\":10,\"change\":\"GAINED\"");
        JsonNode downgrade = json(call("POST", "/api/subscriptions/change/preview", owner, "{\"plan\": \"FREE\"}"));
        assertThat(downgrade.get("type").asString()).endsWith("/use-cancel");

        // upgrade now: Stripe answers the subscription on the PRO price
        ObjectNode upgraded = StripeFixtures.tree(OPENAPI_SUBSCRIPTION);
        ObjectNode price = (ObjectNode) upgraded.get("items").get("data").get(0).get("price");
        price.put("id", "price_colmena_pro_monthly");
        price.put("unit_amount", 9900);
        upgraded.put("cancel_at_period_end", false);
        stripe().stubFor(post(urlPathEqualTo("/v1/subscriptions/" + OPENAPI_SUBSCRIPTION_ID))
                .withRequestBody(matching(".*items.*"))
                .willReturn(okJson(StripeFixtures.write(upgraded))));
        HttpResponse<String> change = call("POST", "/api/subscriptions/change", owner, "{\"plan\": \"PRO\"}");
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        assertThat(json(change).get("subscription").get("plan").asString()).isEqualTo("PRO");
        stripe().verify(postRequestedFor(urlPathEqualTo("/v1/subscriptions/" + OPENAPI_SUBSCRIPTION_ID))
                .withHeader("Idempotency-Key", matching("subscription-" + OPENAPI_SUBSCRIPTION_ID + "-change-PRO-v\\d+"))
                .withRequestBody(matching(".*proration_behavior=always_invoice.*")));

        // downgrade: scheduled for the period end, nothing changes now
        HttpResponse<String> scheduled = call("POST", "/api/subscriptions/change", owner, "{\"plan\": \"STARTER\"}");
        assertThat(json(scheduled).get("preview").get("direction").asString()).isEqualTo("DOWNGRADE");
        assertThat(json(scheduled).get("subscription").get("scheduledPlan").asString()).isEqualTo("STARTER");
        assertThat(json(scheduled).get("subscription").get("plan").asString()).isEqualTo("PRO");

        // cancel at period end, then resume
        upgraded.put("cancel_at_period_end", true);
        stripe().stubFor(post(urlPathEqualTo("/v1/subscriptions/" + OPENAPI_SUBSCRIPTION_ID))
                .withRequestBody(matching(".*cancel_at_period_end=true.*"))
                .willReturn(okJson(StripeFixtures.write(upgraded))));
        upgraded.put("cancel_at_period_end", false);
        stripe().stubFor(post(urlPathEqualTo("/v1/subscriptions/" + OPENAPI_SUBSCRIPTION_ID))
                .withRequestBody(matching(".*cancel_at_period_end=false.*"))
                .willReturn(okJson(StripeFixtures.write(upgraded))));
        JsonNode cancelled = json(call("POST", "/api/subscriptions/cancel", owner, null));
        assertThat(cancelled.get("cancelAtPeriodEnd").asBoolean()).isTrue();
        JsonNode resumed = json(call("POST", "/api/subscriptions/resume", owner, null));
        assertThat(resumed.get("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(resumed.get("scheduledPlan").isNull()).isTrue();
        assertProblem(call("POST", "/api/subscriptions/resume", owner, null), 409, "nothing-to-resume");

        // Stripe ends it; a stale update arriving afterwards changes nothing
        ObjectNode ended = upgraded.deepCopy();
        ended.put("status", "canceled");
        String deleted = envelopeOf("customer.subscription.deleted", now() + 5, ended);
        ObjectNode staleActive = upgraded.deepCopy();
        String stale = envelopeOf("customer.subscription.updated", now() - 20, staleActive);
        assertThat(json(deliverSigned(deleted)).get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(json(deliverSigned(stale)).get("outcome").asString()).isEqualTo("STALE");
        JsonNode after = json(call("GET", "/api/subscriptions/current", owner, null));
        assertThat(after.get("plan").asString()).isEqualTo("FREE");
        assertThat(after.get("status").asString()).isEqualTo("canceled");

        assertThat(subscriptionEvents(tenant, "colmena.billing.subscription.cancelled", Duration.ofSeconds(5))).hasSize(1);
        // created (STARTER, the fixture is set to cancel at period end), upgraded (PRO, renewing), cancel, resume
        assertThat(subscriptionEvents(tenant, "colmena.billing.subscription.changed", Duration.ofSeconds(10)))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).hasSize(4);

        // the ledger: NEW +2000, EXPANSION +7900, CHURN -9900, each linked to the event behind it
        List<JsonNode> movements = ledgerOf(admin, tenant);
        assertThat(movements).extracting(m -> m.get("kind").asString()).containsExactly("NEW", "EXPANSION", "CHURN");
        assertThat(movements).extracting(m -> m.get("deltaMinor").asLong()).containsExactly(2000L, 7900L, -9900L);
        assertThat(movements.get(0).get("stripeEventId").asString()).startsWith("evt_created_");
        assertThat(movements.get(1).get("stripeEventId").isNull()).as("made through the API").isTrue();
        assertThat(movements).allSatisfy(m -> assertThat(m.get("publishedEventId").asString()).isNotBlank());
        JsonNode metrics = json(call("GET", "/api/billing/metrics?currency=USD", admin, null));
        assertThat(metrics.get("mrrMinor").asLong()).isEqualTo(metrics.get("ledgerMrrMinor").asLong());
        assertThat(metrics.get("arrMinor").asLong()).isEqualTo(metrics.get("mrrMinor").asLong() * 12);
        assertThat(metrics.get("churn").get("churned").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("revenueByMonth")).hasSize(12);
        assertProblem(call("GET", "/api/billing/metrics", owner, null), 403, "forbidden");
        assertProblem(call("GET", "/api/subscriptions", owner, null), 403, "forbidden");
        assertThat(call("GET", "/api/subscriptions", admin, null).statusCode()).isEqualTo(200);
    }

    @Test
    void revenueCountsEachPaidSubscriptionInvoiceOnceInItsMonth() {
        UUID tenant = UUID.randomUUID();
        String admin = cachedToken(UUID.randomUUID(), "PLATFORM_ADMIN", null);
        String invoiceId = "in_revenue_" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode paid = (ObjectNode) JSON.readTree(StripeFixtures.envelope("evt_rev_" + UUID.randomUUID(), "invoice.paid",
                now(), true, "pay-mit/invoice.payment_failed.data.json"));
        ObjectNode invoice = (ObjectNode) paid.get("data").get("object");
        invoice.put("id", invoiceId);
        invoice.put("status", "paid");
        invoice.put("amount_paid", 24900);
        long before = monthRevenue(admin);

        deliverSigned(StripeFixtures.write(paid));
        paid.put("id", "evt_rev_" + UUID.randomUUID());
        paid.put("type", "invoice.payment_succeeded");
        deliverSigned(StripeFixtures.write(paid));

        assertThat(monthRevenue(admin) - before).isEqualTo(24900);
        assertThat(jdbc.queryForObject("select paid_at from platform_payment where stripe_invoice_id = ?", Timestamp.class,
                invoiceId)).isNotNull();
        assertThat(tenant).isNotNull();
    }

    private long monthRevenue(String admin) {
        JsonNode months = json(call("GET", "/api/billing/metrics?currency=USD&months=1", admin, null)).get("revenueByMonth");
        return months.get(0).get("revenueMinor").asLong();
    }

    private List<JsonNode> ledgerOf(String admin, UUID tenant) {
        HttpResponse<String> response = call("GET", "/api/billing/metrics?currency=USD&from="
                + clock.instant().minus(Duration.ofDays(1)) + "&to=" + clock.instant().plus(Duration.ofDays(1)), admin, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> movements = new java.util.ArrayList<>();
        json(response).get("movements").forEach(m -> {
            if (tenant.toString().equals(m.get("tenantId").asString())) {
                movements.add(m);
            }
        });
        return movements;
    }

    private static String envelopeOf(String type, long created, ObjectNode object) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", "evt_" + type.replace('.', '_') + "_" + UUID.randomUUID());
        event.put("object", "event");
        event.put("api_version", "2025-03-31.basil");
        event.put("created", created);
        event.put("livemode", false);
        event.put("type", type);
        event.putObject("data").set("object", object);
        return StripeFixtures.write(event);
    }
}
