package io.colmena.billing.invoice;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.colmena.billing.support.StripeFixtures.raw;
import static io.colmena.billing.support.StripeFixtures.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.billing.support.BillingIntegrationTest;
import io.colmena.billing.support.StripeFixtures;
import io.colmena.platform.test.KafkaTestRecords;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invoices end to end: totals, lifecycle and numbering, PDF, CLIENT isolation, cross-tenant 404,
 * paying through Stripe (WireMock) and the webhooks that settle the payment, cancel, overdue job.
 */
class InvoiceIT extends BillingIntegrationTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();
    private static final UUID CUSTOMER_A = UUID.randomUUID();
    private static final UUID CUSTOMER_B = UUID.randomUUID();
    private static String owner;
    private static String agent;
    private static String clientA;
    private static String clientB;
    private static String otherOwner;

    @Autowired
    OverdueJob overdueJob;

    @BeforeAll
    static void users() {
        owner = token(TENANT, "OWNER", null);
        agent = token(TENANT, "AGENT", null);
        clientA = token(TENANT, "CLIENT", CUSTOMER_A);
        clientB = token(TENANT, "CLIENT", CUSTOMER_B);
        otherOwner = token(OTHER_TENANT, "OWNER", null);
    }

    private String draft(UUID customer, String currency, String linesJson, LocalDate due) {
        return """
                {"customerId": "%s", "customerName": "Ana Mora", "customerEmail": "ana.mora@example.com",
                 "customerAddress": "Calle Mayor 1\\n28013 Madrid", "currency": "%s", "dueDate": "%s",
                 "notes": "Gracias por su confianza", "lines": %s}""".formatted(customer, currency, due, linesJson);
    }

    private static final String LINES = """
            [{"description": "Soporte mensual", "quantity": 2, "unitPriceMinor": 1250, "taxRateBasisPoints": 2100},
             {"description": "Dominio .es", "quantity": 1, "unitPriceMinor": 999, "taxRateBasisPoints": 1000}]""";

    private JsonNode create(String token, UUID customer, String currency, String lines) {
        HttpResponse<String> created = call("POST", "/api/invoices", token,
                draft(customer, currency, lines, today().plusDays(30)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private JsonNode issued(UUID customer) {
        JsonNode draft = create(owner, customer, "EUR", LINES);
        HttpResponse<String> issued = call("POST", "/api/invoices/" + draft.get("id").asString() + "/issue", owner, null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return json(issued);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void totalsAreComputedByTheServerWithTaxRoundedHalfUpPerLine() {
        JsonNode invoice = create(agent, CUSTOMER_A, "EUR", LINES);

        assertThat(invoice.get("status").asString()).isEqualTo("DRAFT");
        assertThat(invoice.get("number").isNull()).isTrue();
        JsonNode lines = invoice.get("lines");
        assertThat(lines.get(0).get("netMinor").asLong()).isEqualTo(2500);
        assertThat(lines.get(0).get("taxMinor").asLong()).isEqualTo(525);
        assertThat(lines.get(1).get("taxMinor").asLong()).as("99.9 cents rounds to 100").isEqualTo(100);
        assertThat(invoice.get("subtotalMinor").asLong()).isEqualTo(3499);
        assertThat(invoice.get("taxMinor").asLong()).isEqualTo(625);
        assertThat(invoice.get("totalMinor").asLong()).isEqualTo(4124);
    }

    @Test
    void badInputIsAProblemAndNothingIsWritten() {
        String badLines = """
                [{"description": "", "quantity": 0, "unitPriceMinor": -5, "taxRateBasisPoints": 20000}]""";
        HttpResponse<String> invalid = call("POST", "/api/invoices", owner,
                draft(CUSTOMER_A, "EURO", badLines, today()));
        HttpResponse<String> unknownCurrency = call("POST", "/api/invoices", owner,
                draft(CUSTOMER_A, "XQQ", LINES, today()));
        HttpResponse<String> notJson = call("POST", "/api/invoices", owner, "{\"lines\": [");

        assertProblem(invalid, 400, "validation");
        assertThat(json(invalid).get("errors").size()).isEqualTo(5);
        assertProblem(unknownCurrency, 422, "unknown-currency");
        assertProblem(notJson, 400, "malformed-body");
        assertProblem(call("POST", "/api/invoices", clientA, draft(CUSTOMER_A, "EUR", LINES, today())), 403, "forbidden");
    }

    @Test
    void draftsAreEditableUntilIssuedThenNumberedPerTenantAndFrozen() {
        JsonNode draft = create(owner, CUSTOMER_A, "EUR", LINES);
        String id = draft.get("id").asString();
        HttpResponse<String> edited = call("PUT", "/api/invoices/" + id, owner,
                draft(CUSTOMER_A, "EUR", """
                        [{"description": "Soporte anual", "quantity": 1, "unitPriceMinor": 100000, "taxRateBasisPoints": 2100}]""",
                        today().plusDays(10)), Map.of("If-Match", "\"" + draft.get("version").asLong() + "\""));
        HttpResponse<String> staleEdit = call("PUT", "/api/invoices/" + id, owner,
                draft(CUSTOMER_A, "EUR", LINES, today()), Map.of("If-Match", "\"" + draft.get("version").asLong() + "\""));

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("totalMinor").asLong()).isEqualTo(121000);
        assertProblem(staleEdit, 409, "concurrent-modification");

        HttpResponse<String> issued = call("POST", "/api/invoices/" + id + "/issue", owner, null);
        JsonNode next = issued(CUSTOMER_B);

        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String number = json(issued).get("number").asString();
        assertThat(number).matches("INV-" + today().getYear() + "-\\d{6}");
        assertThat(json(issued).get("status").asString()).isEqualTo("PENDING");
        assertThat(Long.parseLong(next.get("number").asString().substring(9)))
                .isEqualTo(Long.parseLong(number.substring(9)) + 1);
        HttpResponse<String> editIssued = call("PUT", "/api/invoices/" + id, owner, draft(CUSTOMER_A, "EUR", LINES, today()));
        assertProblem(editIssued, 409, "invalid-invoice-transition");
        assertThat(json(editIssued).get("allowedTransitions").toString()).contains("PAID", "OVERDUE", "CANCELLED");
        assertProblem(call("POST", "/api/invoices/" + id + "/issue", owner, null), 409, "invalid-invoice-transition");
        // another tenant numbers from its own sequence
        JsonNode foreign = json(call("POST", "/api/invoices", otherOwner, draft(CUSTOMER_A, "EUR", LINES, today())));
        JsonNode foreignIssued = json(call("POST", "/api/invoices/" + foreign.get("id").asString() + "/issue", otherOwner, null));
        assertThat(foreignIssued.get("number").asString()).isEqualTo("INV-" + today().getYear() + "-000001");
    }

    @Test
    void thePdfIsARealDocumentWithTheNumberLinesAndTotal() throws Exception {
        JsonNode invoice = issued(CUSTOMER_A);

        HttpResponse<byte[]> pdf = download("/api/invoices/" + invoice.get("id").asString() + "/pdf", clientA);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(invoice.get("number").asString())
                    .contains("Total: 41.24 EUR")
                    .contains("Tax: 6.25 EUR")
                    .contains("Soporte mensual")
                    .contains("21.00%")
                    .contains("Ana Mora")
                    .contains("Status: PENDING");
        }
    }

    @Test
    void clientUsersSeeOnlyTheIssuedInvoicesOfTheirOwnCustomer() {
        JsonNode mine = issued(CUSTOMER_A);
        JsonNode theirs = issued(CUSTOMER_B);
        JsonNode myDraft = create(owner, CUSTOMER_A, "EUR", LINES);

        JsonNode list = json(call("GET", "/api/invoices?size=100", clientA, null));

        assertThat(list.get("content").findValuesAsString("customerId")).containsOnly(CUSTOMER_A.toString());
        assertThat(list.get("content").findValuesAsString("id")).contains(mine.get("id").asString())
                .doesNotContain(myDraft.get("id").asString());
        assertThat(list.get("content").findValuesAsString("status")).doesNotContain("DRAFT");
        assertThat(call("GET", "/api/invoices/" + mine.get("id").asString(), clientA, null).statusCode()).isEqualTo(200);
        assertProblem(call("GET", "/api/invoices/" + theirs.get("id").asString(), clientA, null), 404, "not-found");
        assertProblem(call("GET", "/api/invoices/" + myDraft.get("id").asString(), clientA, null), 404, "not-found");
        assertProblem(call("GET", "/api/invoices/" + theirs.get("id").asString() + "/pdf", clientA, null), 404, "not-found");
        assertThat(json(call("GET", "/api/invoices?customerId=" + CUSTOMER_B, clientA, null)).get("content")
                .findValuesAsString("customerId")).containsOnly(CUSTOMER_A.toString());
        assertProblem(call("POST", "/api/invoices/" + theirs.get("id").asString() + "/pay", clientB.equals(clientA)
                ? null : clientA, "{}"), 404, "not-found");
    }

    @Test
    void anotherTenantsInvoiceIsA404ForEveryAction() {
        String id = issued(CUSTOMER_A).get("id").asString();

        assertProblem(call("GET", "/api/invoices/" + id, otherOwner, null), 404, "not-found");
        assertProblem(call("PUT", "/api/invoices/" + id, otherOwner, draft(CUSTOMER_A, "EUR", LINES, today())), 404,
                "not-found");
        assertProblem(call("POST", "/api/invoices/" + id + "/cancel", otherOwner, "{}"), 404, "not-found");
        assertProblem(call("POST", "/api/invoices/" + id + "/pay", otherOwner, "{}"), 404, "not-found");
        assertProblem(call("GET", "/api/invoices/" + id + "/pdf", otherOwner, null), 404, "not-found");
        assertThat(json(call("GET", "/api/invoices?size=100", otherOwner, null)).get("content")
                .findValuesAsString("id")).doesNotContain(id);
    }

    @Test
    void payingThroughAPaymentIntentSettlesTheInvoiceOnceWhateverStripeRedelivers() {
        UUID tenant = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        String tenantOwner = token(tenant, "OWNER", null);
        String client = token(tenant, "CLIENT", customer);
        String secret = "whsec_tenant_" + UUID.randomUUID().toString().replace("-", "");
        String key = "rk_test_" + UUID.randomUUID().toString().replace("-", "");
        String path = json(call("PUT", "/api/billing/stripe-account", tenantOwner,
                "{\"restrictedKey\": \"" + key + "\", \"webhookSecret\": \"" + secret + "\"}")).get("webhookPath").asString();
        // the invoice totals what the real PaymentIntent of the fixture collects: 999 + 10 % tax (99.9 → 100) = 1099 USD
        String invoiceId = json(call("POST", "/api/invoices", tenantOwner, draft(customer, "USD", """
                [{"description": "Hosting", "quantity": 1, "unitPriceMinor": 999, "taxRateBasisPoints": 1000}]""",
                today().plusDays(5)))).get("id").asString();
        call("POST", "/api/invoices/" + invoiceId + "/issue", tenantOwner, null);
        stripe().stubFor(post(urlPathEqualTo("/v1/payment_intents"))
                .willReturn(okJson(raw("stripe-java-mit/payment_intent.succeeded-object.json"))));

        HttpResponse<String> pay = call("POST", "/api/invoices/" + invoiceId + "/pay", client, "{\"method\": \"PAYMENT_INTENT\"}");
        HttpResponse<String> payAgain = call("POST", "/api/invoices/" + invoiceId + "/pay", client, "{\"method\": \"PAYMENT_INTENT\"}");

        assertThat(pay.statusCode()).as(pay.body()).isEqualTo(200);
        assertThat(json(pay).get("stripeObjectId").asString()).isEqualTo("pi_123");
        assertThat(json(payAgain).get("attemptNumber").asInt()).isEqualTo(1);
        stripe().verify(2, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("invoice-" + invoiceId + "-attempt-1"))
                .withHeader("Authorization", equalTo("Bearer " + key))
                .withRequestBody(matching(".*amount=1099.*"))
                .withRequestBody(matching(".*colmena_invoice_id.*")));

        String succeeded = StripeFixtures.envelope("evt_pi_succeeded_" + UUID.randomUUID(), "payment_intent.succeeded",
                now(), false, "stripe-java-mit/payment_intent.succeeded-object.json");
        ObjectNode lateFailure = (ObjectNode) JSON.readTree(StripeFixtures.envelope("evt_pi_failed_" + UUID.randomUUID(),
                "payment_intent.payment_failed", now() - 60, false, "stripe-java-mit/payment_intent.succeeded-object.json"));
        ((ObjectNode) lateFailure.get("data").get("object")).put("status", "requires_payment_method");
        String failure = StripeFixtures.write(lateFailure);

        HttpResponse<String> first = deliver(path, succeeded, sign(succeeded, secret, now()));
        HttpResponse<String> redelivered = deliver(path, succeeded, sign(succeeded, secret, now()));
        HttpResponse<String> late = deliver(path, failure, sign(failure, secret, now()));

        assertThat(json(first).get("outcome").asString()).as(first.body()).isEqualTo("APPLIED");
        assertThat(json(redelivered).get("duplicate").asBoolean()).isTrue();
        assertThat(json(late).get("outcome").asString()).isEqualTo("STALE");
        JsonNode paid = json(call("GET", "/api/invoices/" + invoiceId, client, null));
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("paidMinor").asLong()).isEqualTo(1099);
        assertThat(paid.get("payments").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        assertProblem(call("POST", "/api/invoices/" + invoiceId + "/pay", client, "{}"), 409, "invoice-not-payable");
        assertProblem(call("POST", "/api/invoices/" + invoiceId + "/cancel", tenantOwner, "{}"), 409,
                "invalid-invoice-transition");
        List<ConsumerRecord<String, byte[]>> paidEvents = KafkaTestRecords.readAll(kafka(), "colmena.billing.invoice",
                r -> invoiceId.equals(r.key()) && KafkaTestRecords.header(r, "ce_type")
                        .filter("colmena.billing.invoice.paid"::equals).isPresent(), Duration.ofSeconds(8));
        assertThat(paidEvents).hasSize(1);
    }

    @Test
    void checkoutGivesAUrlAFailedPaymentCanBeRetriedAndCancellingExpiresTheSession() {
        UUID tenant = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        String tenantOwner = token(tenant, "OWNER", null);
        String secret = "whsec_tenant_" + UUID.randomUUID().toString().replace("-", "");
        String path = json(call("PUT", "/api/billing/stripe-account", tenantOwner,
                "{\"restrictedKey\": \"rk_test_" + UUID.randomUUID().toString().replace("-", "")
                        + "\", \"webhookSecret\": \"" + secret + "\"}")).get("webhookPath").asString();
        String invoiceId = json(call("POST", "/api/invoices", tenantOwner, draft(customer, "EUR", LINES,
                today().plusDays(5)))).get("id").asString();
        call("POST", "/api/invoices/" + invoiceId + "/issue", tenantOwner, null);
        stripe().stubFor(post(urlPathEqualTo("/v1/checkout/sessions"))
                .willReturn(okJson(raw("stripe-openapi-fixtures3/checkout.session.json"))));
        stripe().stubFor(post(urlPathMatching("/v1/checkout/sessions/.+/expire"))
                .willReturn(okJson(raw("stripe-openapi-fixtures3/checkout.session.json"))));

        assertProblem(call("POST", "/api/invoices/" + invoiceId + "/retry", tenantOwner, "{}"), 409, "nothing-to-retry");
        HttpResponse<String> pay = call("POST", "/api/invoices/" + invoiceId + "/pay", tenantOwner, null);
        assertThat(pay.statusCode()).as(pay.body()).isEqualTo(200);
        assertThat(json(pay).get("url").asString()).startsWith("https://checkout.stripe.com/");
        String sessionId = json(pay).get("stripeObjectId").asString();

        // the payment inside the session fails (2025 PaymentIntent shape: last_payment_error)
        ObjectNode failed = (ObjectNode) JSON.readTree(StripeFixtures.envelope("evt_failed_" + UUID.randomUUID(),
                "payment_intent.payment_failed", now(), false, "stripe-openapi-fixtures3/payment_intent.json"));
        ObjectNode intent = (ObjectNode) failed.get("data").get("object");
        ((ObjectNode) intent.get("metadata")).put("colmena_invoice_id", invoiceId);
        intent.putObject("last_payment_error").put("message", "Your card was declined.");
        String failedBody = StripeFixtures.write(failed);
        HttpResponse<String> failure = deliver(path, failedBody, sign(failedBody, secret, now()));
        assertThat(json(failure).get("outcome").asString()).as(failure.body()).isEqualTo("APPLIED");

        HttpResponse<String> retry = call("POST", "/api/invoices/" + invoiceId + "/retry", tenantOwner, "{}");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json(retry).get("attemptNumber").asInt()).isEqualTo(2);
        stripe().verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo("invoice-" + invoiceId + "-attempt-2")));
        List<ConsumerRecord<String, byte[]>> failures = KafkaTestRecords.readAll(kafka(), "colmena.billing.payment",
                r -> invoiceId.equals(r.key()), Duration.ofSeconds(6));
        assertThat(failures).hasSize(1);

        HttpResponse<String> cancelled = call("POST", "/api/invoices/" + invoiceId + "/cancel", tenantOwner,
                "{\"reason\": \"duplicated\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        stripe().verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + sessionId + "/expire")));
        JsonNode afterwards = json(call("GET", "/api/invoices/" + invoiceId, tenantOwner, null));
        assertThat(afterwards.get("payments").findValuesAsString("status")).as("the failure stays in the history")
                .containsExactly("FAILED", "CANCELLED");
    }

    @Test
    void payingWithoutAConnectedStripeAccountIsAConflict() {
        String id = issued(CUSTOMER_A).get("id").asString();
        HttpResponse<String> response = call("POST", "/api/invoices/" + id + "/pay", clientA, null);

        // TENANT has no Stripe account in this test class
        assertProblem(response, 409, "stripe-account-not-connected");
    }

    @Test
    void theOverdueJobMarksPastDueInvoicesAndAnnouncesThem() {
        // issued three days ago, due the day after: overdue today (the clock moves back rather than forward
        // because Kafka refuses records timestamped in the future)
        clock.advance(Duration.ofDays(-3));
        JsonNode draft = json(call("POST", "/api/invoices", owner, draft(CUSTOMER_A, "EUR", LINES, today().plusDays(1))));
        String id = draft.get("id").asString();
        assertThat(call("POST", "/api/invoices/" + id + "/issue", owner, null).statusCode()).isEqualTo(200);
        overdueJob.run();
        assertThat(json(call("GET", "/api/invoices/" + id, owner, null)).get("status").asString())
                .as("not due yet three days ago").isEqualTo("PENDING");

        clock.reset();
        assertThat(overdueJob.run()).isGreaterThanOrEqualTo(1);

        JsonNode overdue = json(call("GET", "/api/invoices/" + id, owner, null));
        assertThat(overdue.get("status").asString()).isEqualTo("OVERDUE");
        assertThat(overdue.get("overdueAt").asString()).isNotBlank();
        assertThat(KafkaTestRecords.await(kafka(), "colmena.billing.invoice", r -> id.equals(r.key())
                && KafkaTestRecords.header(r, "ce_type").filter("colmena.billing.invoice.overdue"::equals).isPresent(),
                Duration.ofSeconds(20))).isPresent();
        assertThat(json(call("GET", "/api/invoices?status=OVERDUE&size=100", owner, null)).get("content")
                .findValuesAsString("id")).contains(id);
        HttpResponse<String> paidLate = call("GET", "/api/invoices/" + id + "/pdf", owner, null);
        assertThat(paidLate.statusCode()).isEqualTo(200);
    }
}
