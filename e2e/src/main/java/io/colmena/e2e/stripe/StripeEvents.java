package io.colmena.e2e.stripe;

import com.stripe.net.Webhook;
import io.colmena.e2e.http.Json;
import java.security.GeneralSecurityException;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stripe events of the scenarios, made from Stripe's own payloads in {@code ../shared/fixtures/stripe/}
 * and pointed at the scenario's objects the way Stripe would fill them in: the event envelope is
 * {@code stripe-openapi-fixtures3/event.json} or a full fixture event; the objects are the fixtures'
 * with the ids, amounts, currency and metadata of the Checkout Session, PaymentIntent and subscription
 * the Stripe stand-in answered to billing-service. Every event gets a new {@code evt_} id and the current
 * {@code created}, as Stripe gives each delivery of a new event.
 *
 * <p>How billing-service correlates them (its README and {@code InvoicePaymentEffects} /
 * {@code PlatformBillingEffects}): a tenant's invoice by the {@code colmena_invoice_id} metadata or by the
 * Checkout Session id of the payment attempt; a platform subscription by {@code client_reference_id}
 * (the tenant id), the {@code colmena_tenant_id} metadata, the subscription id or the customer id.
 */
public final class StripeEvents {

    /** The API version of the 2025 payload shapes (pay-rails fixtures). */
    public static final String API_VERSION = "2025-03-31.basil";

    private final StripeFixtures fixtures;

    /** Events from {@code fixtures}. */
    public StripeEvents(StripeFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /**
     * {@code checkout.session.completed} from {@code pay-mit/checkout.session.completed.data.json} (complete, paid),
     * carrying the completed {@code session} as Stripe reports it: its id, mode, amounts, currency, customer,
     * client_reference_id, metadata, PaymentIntent or subscription.
     */
    public ObjectNode checkoutSessionCompleted(ObjectNode session) {
        ObjectNode data = fixtures.tree("pay-mit/checkout.session.completed.data.json");
        ObjectNode object = (ObjectNode) data.get("object");
        for (String field : new String[] {"id", "mode", "amount_subtotal", "amount_total", "currency", "customer",
                "customer_email", "client_reference_id", "payment_intent", "subscription", "success_url", "cancel_url",
                "created", "expires_at", "livemode"}) {
            if (session.has(field)) {
                object.set(field, session.get(field).deepCopy());
            }
        }
        object.set("metadata", session.path("metadata").deepCopy());
        object.put("status", "complete");
        object.put("payment_status", "paid");
        object.putNull("url");
        if ("payment".equals(Json.text(session, "mode"))) {
            object.set("payment_method_types", Json.array().add("card"));
        }
        return envelope("checkout.session.completed", data);
    }

    /**
     * {@code invoice.paid} from zulip's {@code invoice_payment_succeeded.json} (Stripe sends {@code invoice.paid}
     * with the same object, fixtures README), for a Stripe invoice {@code in_…} of {@code amountMinor}
     * {@code currency}, paid by {@code paymentIntent}, for {@code customer}, belonging to {@code subscription}
     * (or none), with {@code metadata}.
     */
    public ObjectNode invoicePaid(long amountMinor, String currency, String paymentIntent, String customer,
                                  String subscription, ObjectNode metadata) {
        ObjectNode event = fixtures.tree("zulip/invoice_payment_succeeded.json");
        long now = Instant.now().getEpochSecond();
        event.put("id", StripeFixtures.id("evt_", 24));
        event.put("type", "invoice.paid");
        event.put("created", now);
        ObjectNode invoice = (ObjectNode) event.path("data").path("object");
        String id = StripeFixtures.id("in_", 24);
        invoice.put("id", id);
        invoice.put("amount_due", amountMinor);
        invoice.put("amount_paid", amountMinor);
        invoice.put("amount_remaining", 0);
        invoice.put("subtotal", amountMinor);
        invoice.put("total", amountMinor);
        invoice.put("currency", currency);
        invoice.put("customer", customer);
        invoice.put("payment_intent", paymentIntent);
        invoice.put("charge", paymentIntent == null ? null : "ch_" + paymentIntent.substring(3));
        invoice.put("status", "paid");
        invoice.put("paid", true);
        invoice.put("subscription", subscription);
        invoice.put("billing_reason", subscription == null ? "manual" : "subscription_create");
        invoice.set("metadata", metadata.deepCopy());
        invoice.putObject("status_transitions").put("paid_at", now);
        ObjectNode line = (ObjectNode) invoice.path("lines").path("data").path(0);
        line.put("amount", amountMinor);
        line.put("currency", currency);
        line.put("subscription", subscription);
        ((ObjectNode) invoice.path("lines")).put("url", "/v1/invoices/" + id + "/lines");
        return event;
    }

    /**
     * {@code customer.subscription.created} in the envelope of {@code stripe-openapi-fixtures3/event.json}
     * around {@code subscription} (the stand-in's, made from {@code stripe-openapi-fixtures3/subscription.json}).
     */
    public ObjectNode subscriptionCreated(ObjectNode subscription) {
        ObjectNode data = Json.object();
        data.set("object", subscription.deepCopy());
        return envelope("customer.subscription.created", data);
    }

    /** A {@code Stripe-Signature} header for {@code payload} signed now with {@code secret}, made by stripe-java. */
    public static String sign(String payload, String secret) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, Instant.now().getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private ObjectNode envelope(String type, ObjectNode data) {
        ObjectNode event = fixtures.tree("stripe-openapi-fixtures3/event.json");
        event.put("id", StripeFixtures.id("evt_", 24));
        event.put("type", type);
        event.put("api_version", API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("pending_webhooks", 1);
        event.set("data", data);
        ObjectNode request = event.putObject("request");
        request.put("id", StripeFixtures.id("req_", 14));
        request.putNull("idempotency_key");
        return event;
    }
}
