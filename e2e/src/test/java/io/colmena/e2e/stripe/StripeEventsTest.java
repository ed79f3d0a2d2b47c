package io.colmena.e2e.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.colmena.e2e.TestFixtures;
import io.colmena.e2e.http.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The scenario's Stripe events: fixture payloads pointed at the scenario's objects, verifiable by stripe-java. */
class StripeEventsTest {

    private static final String SECRET = "whsec_e2e_unit_test_secret";
    private final StripeEvents events = new StripeEvents(TestFixtures.stripe());

    @Test
    void checkoutSessionCompletedCarriesTheSessionsIdsAmountsAndMetadataAndVerifiesWithStripeJava() throws Exception {
        ObjectNode session = Json.object().put("id", "cs_test_a1xyz").put("mode", "payment").put("amount_total", 72600)
                .put("currency", "eur").put("payment_intent", "pi_123").put("client_reference_id", "inv-9");
        session.putObject("metadata").put("colmena_invoice_id", "inv-9");

        String payload = Json.write(events.checkoutSessionCompleted(session));
        Event event = Webhook.constructEvent(payload, StripeEvents.sign(payload, SECRET), SECRET);

        assertThat(event.getType()).isEqualTo("checkout.session.completed");
        assertThat(event.getId()).startsWith("evt_");
        assertThat(event.getApiVersion()).isEqualTo(StripeEvents.API_VERSION);
        ObjectNode object = (ObjectNode) Json.parse(payload).path("data").path("object");
        assertThat(Json.text(object, "id")).isEqualTo("cs_test_a1xyz");
        assertThat(Json.text(object, "mode")).isEqualTo("payment");
        assertThat(Json.text(object, "payment_status")).isEqualTo("paid");
        assertThat(object.path("amount_total").asLong()).isEqualTo(72600);
        assertThat(Json.text(object.path("metadata"), "colmena_invoice_id")).isEqualTo("inv-9");
        assertThat(Json.text(object.path("customer_details"), "name")).as("the fixture's own data stays").isEqualTo("Ana Mora");
    }

    @Test
    void invoicePaidIsZulipsEventRetypedAndPointedAtTheScenariosPayment() {
        ObjectNode event = events.invoicePaid(9900, "eur", "pi_abc", "cus_1", "sub_1",
                Json.object().put("colmena_tenant_id", "t-1"));

        assertThat(Json.text(event, "type")).isEqualTo("invoice.paid");
        assertThat(Json.text(event, "api_version")).isEqualTo("2018-11-08");
        ObjectNode invoice = (ObjectNode) event.path("data").path("object");
        assertThat(Json.text(invoice, "id")).startsWith("in_").isNotEqualTo("in_00000000000000");
        assertThat(invoice.path("amount_paid").asLong()).isEqualTo(9900);
        assertThat(Json.text(invoice, "subscription")).isEqualTo("sub_1");
        assertThat(Json.text(invoice, "customer")).isEqualTo("cus_1");
        assertThat(Json.text(invoice, "payment_intent")).isEqualTo("pi_abc");
        assertThat(Json.text(invoice.path("metadata"), "colmena_tenant_id")).isEqualTo("t-1");
    }

    @Test
    void eachEventHasItsOwnIdAndAnotherSecretDoesNotVerify() {
        ObjectNode subscription = Json.object().put("id", "sub_1").put("object", "subscription");
        String first = Json.write(events.subscriptionCreated(subscription));
        String second = Json.write(events.subscriptionCreated(subscription));

        assertThat(Json.text(Json.parse(first), "id")).isNotEqualTo(Json.text(Json.parse(second), "id"));
        assertThatThrownBy(() -> Webhook.constructEvent(first, StripeEvents.sign(first, "whsec_other_secret_x"), SECRET))
                .isInstanceOf(SignatureVerificationException.class);
    }
}
