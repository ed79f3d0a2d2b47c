package io.colmena.billing.stripe;

import static io.colmena.billing.support.StripeFixtures.CURRENT_SECRET;
import static io.colmena.billing.support.StripeFixtures.PREVIOUS_SECRET;
import static io.colmena.billing.support.StripeFixtures.raw;
import static io.colmena.billing.support.StripeFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.billing.support.BillingIntegrationTest;
import io.colmena.billing.support.StripeFixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /webhooks/stripe} with the real payloads of {@code ../shared/fixtures/stripe}: signature
 * checks over the raw bytes, idempotent redelivery, invoice.paid + invoice.payment_succeeded counted
 * once, unknown types, live/test mode and routing, and the support log.
 */
class StripeWebhookIT extends BillingIntegrationTest {

    private static final String PAYMENT_SUCCEEDED = "zulip/invoice_payment_succeeded.json";
    private static final String PAYMENT_FAILED = "zulip/invoice_payment_failed.json";
    private static final String UNKNOWN_TYPE = "stripe-openapi-fixtures3/event.json";

    @BeforeEach
    void forgetTheFixturesEvents() {
        // the fixtures carry fixed ids: remove what an earlier run of these tests recorded for them
        jdbc.update("delete from stripe_event where stripe_event_id in (?, ?, ?, ?) and account_key = 'platform'",
                "invoice.payment_00000000000000", "evt_00000000000000", "evt_1Pgc76B7WZ01zgkWwyRHS12y",
                "evt_invoice_paid_for_in_00000000000000");
        jdbc.update("delete from platform_payment where stripe_invoice_id = 'in_00000000000000'");
    }

    @Test
    void invoicePaidAndInvoicePaymentSucceededForOneInvoiceAreOnePayment() {
        String succeeded = raw(PAYMENT_SUCCEEDED);
        // Stripe sends invoice.paid alongside, with the same data.object (fixtures README)
        ObjectNode paid = StripeFixtures.tree(PAYMENT_SUCCEEDED);
        paid.put("id", "evt_invoice_paid_for_in_00000000000000");
        paid.put("type", "invoice.paid");

        HttpResponse<String> first = deliverSigned(succeeded);
        HttpResponse<String> second = deliverSigned(StripeFixtures.write(paid));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).get("outcome").asString()).isEqualTo("NO_CHANGE");
        assertThat(jdbc.queryForList("select amount_minor from platform_payment where stripe_invoice_id = 'in_00000000000000'",
                Long.class)).containsExactly(1000L);
    }

    @Test
    void aRedeliveredEventAnswers200AndChangesNothing() {
        String body = raw(PAYMENT_SUCCEEDED);

        HttpResponse<String> first = deliverSigned(body);
        HttpResponse<String> again = deliverSigned(body);
        HttpResponse<String> thirdTime = deliverSigned(body);

        assertThat(json(first).get("duplicate").asBoolean()).isFalse();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        assertThat(json(thirdTime).get("duplicate").asBoolean()).isTrue();
        assertThat(count("select count(*) from stripe_event where stripe_event_id = 'invoice.payment_00000000000000'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from platform_payment where stripe_invoice_id = 'in_00000000000000'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentRedeliveriesApplyTheEffectOnce() throws Exception {
        // a fresh event (and invoice) per run, derived from the real payload
        String suffix = UUID.randomUUID().toString().replace("-", "");
        ObjectNode event = StripeFixtures.tree(PAYMENT_SUCCEEDED);
        event.put("id", "evt_concurrent_" + suffix);
        event.put("type", "invoice.paid");
        ((ObjectNode) event.get("data").get("object")).put("id", "in_concurrent_" + suffix);
        String body = StripeFixtures.write(event);
        String signature = sign(body, CURRENT_SECRET, now());

        List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            deliveries.add(() -> deliver("/webhooks/stripe", body, signature));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<HttpResponse<String>> future : pool.invokeAll(deliveries)) {
                responses.add(future.get());
            }
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(responses).filteredOn(r -> !json(r).get("duplicate").asBoolean()).hasSize(1);
        assertThat(count("select count(*) from stripe_event where stripe_event_id = 'evt_concurrent_" + suffix + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from platform_payment where stripe_invoice_id = 'in_concurrent_" + suffix + "'"))
                .isEqualTo(1);
    }

    @Test
    void oneChangedByteIsRefusedAndNothingIsRecorded() {
        String body = raw(PAYMENT_FAILED);
        String signature = sign(body, CURRENT_SECRET, now());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int at = body.indexOf("\"aud\"") + 2;
        bytes[at] = (byte) 'b';
        String tampered = new String(bytes, StandardCharsets.UTF_8);

        HttpResponse<String> response = deliver("/webhooks/stripe", tampered, signature);

        assertProblem(response, 400, "stripe-signature-invalid");
        assertThat(count("select count(*) from stripe_event where stripe_event_id = 'evt_00000000000000' "
                + "and account_key = 'platform'")).isZero();
    }

    @Test
    void aReserialisedBodyIsRefused() {
        String body = raw(PAYMENT_FAILED);
        String signature = sign(body, CURRENT_SECRET, now());
        String reserialised = StripeFixtures.write(StripeFixtures.tree(PAYMENT_FAILED));
        assertThat(reserialised).isNotEqualTo(body);

        assertProblem(deliver("/webhooks/stripe", reserialised, signature), 400, "stripe-signature-invalid");
    }

    @Test
    void aTimestampOlderThanFiveMinutesIsRefused() {
        String body = raw(PAYMENT_FAILED);

        assertProblem(deliver("/webhooks/stripe", body, sign(body, CURRENT_SECRET, now() - 301)), 400,
                "stripe-signature-stale");
        assertThat(deliver("/webhooks/stripe", body, sign(body, CURRENT_SECRET, now() - 290)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theServiceClockDecidesWhatIsStale() {
        String body = raw(PAYMENT_FAILED);
        String signedNow = sign(body, CURRENT_SECRET, now());
        clock.advance(java.time.Duration.ofMinutes(6));

        assertProblem(deliver("/webhooks/stripe", body, signedNow), 400, "stripe-signature-stale");
    }

    @Test
    void aMissingSignatureIsA400ProblemNeverA500() {
        assertProblem(deliver("/webhooks/stripe", raw(PAYMENT_FAILED), null), 400, "stripe-signature-missing");
        assertProblem(deliver("/webhooks/stripe", raw(PAYMENT_FAILED), " "), 400, "stripe-signature-missing");
    }

    @Test
    void aMalformedSignatureIsA400ProblemNeverA500() {
        String body = raw(PAYMENT_FAILED);
        String valid = sign(body, CURRENT_SECRET, now());
        String v1 = valid.substring(valid.indexOf("v1="));
        for (String header : List.of("garbage", "t=abc," + v1, "t=" + now(), v1, "t=" + now() + ",v1=nothex",
                "t=" + now() + ",t=" + now() + "," + v1, "t=" + now() + ",," + v1, "t=99999999999999999999," + v1,
                "t=" + now() + ",v1")) {
            assertProblem(deliver("/webhooks/stripe", body, header), 400, "stripe-signature-malformed");
        }
    }

    @Test
    void aSecretBeingRotatedOutStillVerifiesButAnUnknownOneDoesNot() {
        String body = raw(PAYMENT_FAILED);

        assertThat(deliver("/webhooks/stripe", body, sign(body, PREVIOUS_SECRET, now())).statusCode()).isEqualTo(200);
        assertProblem(deliver("/webhooks/stripe", body, sign(body, "whsec_someone_elses_secret", now())), 400,
                "stripe-signature-invalid");
    }

    @Test
    void severalV1SignaturesAreAcceptedWhenOneMatches() {
        String body = raw(PAYMENT_FAILED);
        long t = now();
        String foreign = sign(body, "whsec_not_configured_here", t);
        String ours = sign(body, CURRENT_SECRET, t);
        String header = foreign + "," + ours.substring(ours.indexOf("v1="));

        HttpResponse<String> response = deliver("/webhooks/stripe", body, header);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void anUnknownEventTypeIsAcknowledgedAndIgnored() {
        HttpResponse<String> response = deliverSigned(raw(UNKNOWN_TYPE));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("outcome").asString()).isEqualTo("UNKNOWN_TYPE");
        assertThat(jdbc.queryForObject("select outcome from stripe_event where stripe_event_id = 'evt_1Pgc76B7WZ01zgkWwyRHS12y'",
                String.class)).isEqualTo("UNKNOWN_TYPE");
    }

    @Test
    void aTestModeEventOnALiveKeyIsRefusedAndALiveOneIsTaken() {
        UUID tenant = UUID.randomUUID();
        String owner = token(tenant, "OWNER", null);
        String secret = "whsec_tenant_live_" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> connected = call("PUT", "/api/billing/stripe-account", owner, """
                {"restrictedKey": "rk_live_%s", "webhookSecret": "%s"}""".formatted("A1b2C3d4E5f6G7h8", secret));
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
        String path = json(connected).get("webhookPath").asString();
        String testEvent = raw(PAYMENT_FAILED);
        String liveEvent = raw("zulip/customer_subscription_updated.json");

        assertProblem(deliver(path, testEvent, sign(testEvent, secret, now())), 400, "stripe-livemode-mismatch");
        HttpResponse<String> live = deliver(path, liveEvent, sign(liveEvent, secret, now()));
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(json(live).get("outcome").asString()).as("a tenant's own subscriptions are not Colmena's")
                .isEqualTo("IGNORED");
        assertProblem(deliver(path, liveEvent, sign(liveEvent, CURRENT_SECRET, now())), 400,
                "stripe-signature-invalid");
        assertProblem(deliver("/webhooks/stripe/unknownKey1234", liveEvent, sign(liveEvent, secret, now())), 404,
                "not-found");
    }

    @Test
    void connectEventsAreRoutedByAccountAndUnknownAccountsAreLogged() {
        UUID tenant = UUID.randomUUID();
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String owner = token(tenant, "OWNER", null);
        assertThat(call("PUT", "/api/billing/stripe-account", owner, """
                {"connectAccountId": "%s"}""".formatted(account)).statusCode()).isEqualTo(200);
        ObjectNode routed = StripeFixtures.tree(PAYMENT_FAILED);
        routed.put("id", "evt_connect_" + UUID.randomUUID());
        routed.put("account", account);
        ObjectNode stray = StripeFixtures.tree(PAYMENT_FAILED);
        stray.put("id", "evt_connect_" + UUID.randomUUID());
        stray.put("account", "acct_nobodyConnectedThis");

        HttpResponse<String> toTenant = deliverSigned(StripeFixtures.write(routed));
        HttpResponse<String> nowhere = deliverSigned(StripeFixtures.write(stray));

        assertThat(toTenant.statusCode()).isEqualTo(200);
        assertThat(json(toTenant).get("outcome").asString()).as("no Colmena invoice in it").isEqualTo("IGNORED");
        assertThat(jdbc.queryForObject("select tenant_id from stripe_event where stripe_event_id = ?", UUID.class,
                routed.get("id").asString())).isEqualTo(tenant);
        assertThat(json(nowhere).get("outcome").asString()).isEqualTo("UNROUTABLE");
    }

    @Test
    void supportSeesWhatArrivedWhenAndWhatItDid() {
        deliverSigned(raw(UNKNOWN_TYPE));
        String admin = cachedToken(UUID.randomUUID(), "PLATFORM_ADMIN", null);
        UUID tenant = UUID.randomUUID();
        String owner = token(tenant, "OWNER", null);

        HttpResponse<String> all = call("GET", "/api/billing/stripe-events?type=plan.created", admin, null);
        HttpResponse<String> own = call("GET", "/api/billing/stripe-events", owner, null);
        HttpResponse<String> client = call("GET", "/api/billing/stripe-events", token(tenant, "CLIENT", UUID.randomUUID()), null);

        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode first = json(all).get("content").get(0);
        assertThat(first.get("stripeEventId").asString()).isEqualTo("evt_1Pgc76B7WZ01zgkWwyRHS12y");
        assertThat(first.get("outcome").asString()).isEqualTo("UNKNOWN_TYPE");
        assertThat(first.get("receivedAt").asString()).isNotBlank();
        assertThat(json(all).get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(json(own).get("content")).as("a new tenant has received nothing").isEmpty();
        assertProblem(client, 403, "forbidden");
    }

    @Test
    void theStripeAccountIsStoredEncryptedAndNeverReturnedInClear() {
        UUID tenant = UUID.randomUUID();
        String owner = token(tenant, "OWNER", null);
        String key = "rk_test_51SecretKeyMaterialXyZ9";
        String secret = "whsec_SecretSigningMaterial4321";

        HttpResponse<String> put = call("PUT", "/api/billing/stripe-account", owner,
                "{\"restrictedKey\": \"" + key + "\", \"webhookSecret\": \"" + secret + "\"}");
        HttpResponse<String> get = call("GET", "/api/billing/stripe-account", owner, null);
        HttpResponse<String> invalid = call("PUT", "/api/billing/stripe-account", owner,
                "{\"restrictedKey\": \"" + key + "\"}");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).doesNotContain(key).doesNotContain(secret);
        assertThat(get.body()).doesNotContain(key).doesNotContain(secret);
        assertThat(json(get).get("restrictedKey").asString()).isEqualTo("rk_test_…XyZ9");
        assertThat(json(get).get("webhookSecret").asString()).isEqualTo("whsec_…4321");
        byte[] stored = asTenant(tenant, () -> jdbc.queryForObject(
                "select restricted_key_cipher from stripe_account where tenant_id = ?", byte[].class, tenant));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("SecretKeyMaterial");
        assertProblem(invalid, 400, "validation");
        assertProblem(call("GET", "/api/billing/stripe-account", token(UUID.randomUUID(), "OWNER", null), null), 404,
                "not-found");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
