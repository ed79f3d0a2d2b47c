package io.colmena.e2e.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.AuthenticationException;
import com.stripe.model.Customer;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.colmena.e2e.TestFixtures;
import io.colmena.e2e.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The Stripe stand-in driven by stripe-java, the client billing-service uses. */
class StripeStandInTest {

    private static StripeStandIn standIn;
    private static StripeClient stripe;

    @BeforeAll
    static void start() {
        standIn = StripeStandIn.start(TestFixtures.stripe(), 0);
        stripe = StripeClient.builder().setApiKey("rk_test_standin0123456789").setApiBase(standIn.baseUrl())
                .setMaxNetworkRetries(0).build();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void aPaymentSessionIsStripesFixtureFilledInFromTheRequestWithAFreshId() throws Exception {
        Session first = stripe.v1().checkout().sessions().create(paymentSession("inv-1", 72600));
        Session second = stripe.v1().checkout().sessions().create(paymentSession("inv-2", 1000));

        assertThat(first.getId()).startsWith("cs_test_a1").isNotEqualTo(second.getId());
        assertThat(first.getUrl()).isEqualTo("https://checkout.stripe.com/c/pay/" + first.getId());
        assertThat(first.getMode()).isEqualTo("payment");
        assertThat(first.getStatus()).isEqualTo("open");
        assertThat(first.getAmountTotal()).isEqualTo(72600L);
        assertThat(first.getCurrency()).isEqualTo("eur");
        assertThat(first.getMetadata()).containsEntry("colmena_invoice_id", "inv-1");
        assertThat(first.getClientReferenceId()).isEqualTo("inv-1");
        assertThat(first.getCustomerDetails().getEmail()).isEqualTo("example@example.com"); // the fixture's own
    }

    @Test
    void completingAPaymentSessionMakesItPaidWithASucceededPaymentIntentCarryingThePaymentMetadata() throws Exception {
        Session session = stripe.v1().checkout().sessions().create(paymentSession("inv-3", 500));

        ObjectNode completed = standIn.complete(session.getId());

        assertThat(Json.text(completed, "status")).isEqualTo("complete");
        assertThat(Json.text(completed, "payment_status")).isEqualTo("paid");
        ObjectNode intent = standIn.object(Json.text(completed, "payment_intent")).orElseThrow();
        assertThat(Json.text(intent, "status")).isEqualTo("succeeded");
        assertThat(intent.path("amount").asLong()).isEqualTo(500);
        assertThat(Json.text(intent.path("metadata"), "colmena_invoice_id")).isEqualTo("inv-3");
        assertThat(completed.has("payment_intent_data_metadata")).isTrue();
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId()).getRawJsonObject()
                .has("payment_intent_data_metadata")).as("internal fields are not shown").isFalse();
    }

    @Test
    void aSubscriptionSessionOnAKnownPriceBecomesAnActiveSubscriptionOnThatPrice() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder()
                .putMetadata("colmena_tenant_id", "t-1").build());
        Session session = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION).setCustomer(customer.getId())
                .setClientReferenceId("t-1").setSuccessUrl("https://x.test/ok").setCancelUrl("https://x.test/no")
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putMetadata("colmena_plan", "PRO").build())
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice("price_colmena_pro_monthly").setQuantity(1L).build())
                .build());

        assertThat(customer.getId()).startsWith("cus_");
        assertThat(customer.getMetadata()).containsEntry("colmena_tenant_id", "t-1");
        assertThat(session.getAmountTotal()).isEqualTo(9900L);
        ObjectNode completed = standIn.complete(session.getId());
        ObjectNode subscription = standIn.object(Json.text(completed, "subscription")).orElseThrow();
        assertThat(Json.text(subscription, "status")).isEqualTo("active");
        assertThat(Json.text(subscription, "customer")).isEqualTo(customer.getId());
        assertThat(Json.text(subscription.path("metadata"), "colmena_plan")).isEqualTo("PRO");
        assertThat(Json.text(subscription.path("items").path("data").path(0).path("price"), "id"))
                .isEqualTo("price_colmena_pro_monthly");
        assertThat(subscription.path("items").path("data").path(0).path("price").path("unit_amount").asLong()).isEqualTo(9900);
    }

    @Test
    void anUnknownPriceIsStripesResourceMissing() {
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION).setSuccessUrl("https://x.test/ok")
                .addLineItem(SessionCreateParams.LineItem.builder().setPrice("price_nobody").setQuantity(1L).build())
                .build()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).getCode()).isEqualTo("resource_missing"));
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswer() throws Exception {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("invoice-x-attempt-1").build();
        Session first = stripe.v1().checkout().sessions().create(paymentSession("inv-4", 100), options);
        Session again = stripe.v1().checkout().sessions().create(paymentSession("inv-4", 100), options);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(standIn.received().getLast().idempotencyKey()).isEqualTo("invoice-x-attempt-1");
    }

    @Test
    void withoutAKeyStripeAnswers401AndAnUnknownCallIs404() {
        StripeClient anonymous = StripeClient.builder().setApiKey("not-a-key").setApiBase(standIn.baseUrl()).build();
        assertThatThrownBy(() -> anonymous.v1().customers().create(CustomerCreateParams.builder().build()))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> stripe.v1().subscriptions().retrieve("sub_unknown"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unrecognized request URL");
    }

    @Test
    void aTakenPortIsRefusedWithAClearMessage() {
        int taken = Integer.parseInt(standIn.baseUrl().substring(standIn.baseUrl().lastIndexOf(':') + 1));
        assertThatThrownBy(() -> StripeStandIn.start(TestFixtures.stripe(), taken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + taken);
    }

    private static SessionCreateParams paymentSession(String invoice, long amount) {
        return SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(invoice).setSuccessUrl("https://x.test/ok").setCancelUrl("https://x.test/no")
                .putMetadata("colmena_invoice_id", invoice)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("colmena_invoice_id", invoice).build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("eur")
                                .setUnitAmount(amount)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Invoice").build()).build()).build())
                .build();
    }
}
