package io.colmena.e2e.standin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.colmena.e2e.http.Json;
import io.colmena.e2e.stripe.StripeFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the part of the Stripe API (https://docs.stripe.com/api) that billing-service calls in the
 * scenarios, served by WireMock on a fixed local port (default 12111, stripe-mock's) that billing-service's
 * {@code STRIPE_API_BASE} points at. It answers with Stripe's own canonical objects
 * ({@code stripe-openapi-fixtures3/*.json}) filled in from the request, the way Stripe fills them:
 *
 * <ul>
 *   <li>{@code POST /v1/customers} → a customer ({@code cus_…}) with the request's {@code email} and {@code metadata};</li>
 *   <li>{@code POST /v1/checkout/sessions} → an open, unpaid session ({@code cs_test_…}, {@code url}) with the
 *       request's mode, customer, client_reference_id, metadata and URLs; {@code amount_total} and
 *       {@code currency} from the line items ({@code price_data}, or a price of this account); an unknown price
 *       is Stripe's 400 {@code resource_missing};</li>
 *   <li>{@code POST /v1/checkout/sessions/{id}/expire}, {@code POST /v1/payment_intents},
 *       {@code POST /v1/payment_intents/{id}/cancel}, and {@code GET} of any object it made;</li>
 *   <li>anything else → Stripe's 404 {@code invalid_request_error} "Unrecognized request URL".</li>
 * </ul>
 *
 * <p>Like Stripe it requires a secret or restricted key ({@code Authorization: Bearer sk_…|rk_…}, else 401)
 * and replays the first answer for a repeated {@code Idempotency-Key} of the same key
 * (https://docs.stripe.com/api/idempotent_requests), with {@code Idempotent-Replayed: true}.
 *
 * <p>{@link #complete} plays the customer paying on the hosted Checkout page: the session becomes
 * {@code complete}/{@code paid} with a new PaymentIntent (payment mode) or a new active subscription
 * (subscription mode, from {@code stripe-openapi-fixtures3/subscription.json}).
 *
 * <p>The account has Colmena's three plan prices, as billing-service's defaults name them:
 * {@code price_colmena_starter_monthly} 29.00 EUR, {@code price_colmena_pro_monthly} 99.00 EUR and
 * {@code price_colmena_enterprise_monthly} 499.00 EUR a month.
 */
public final class StripeStandIn implements AutoCloseable {

    private static final String TRANSFORMER = "colmena-stripe-api";
    private static final Pattern KEY = Pattern.compile("Bearer (sk|rk)_(test|live)_[A-Za-z0-9_]+");
    private static final Pattern METADATA = Pattern.compile("metadata\\[(.+)]");

    private final StripeFixtures fixtures;
    private final WireMockServer server;
    private final Map<String, ObjectNode> objects = new HashMap<>();
    private final Map<String, ObjectNode> prices = new LinkedHashMap<>();
    private final Map<String, String> replies = new HashMap<>();
    private final List<Received> received = new ArrayList<>();

    /**
     * One request the stand-in answered.
     *
     * @param method         HTTP method
     * @param path           path without query
     * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}
     * @param params         the form parameters, flattened as Stripe names them ({@code metadata[colmena_tenant_id]})
     * @param status         the status answered
     * @param objectId       the id of the object answered, or {@code null}
     */
    public record Received(String method, String path, String idempotencyKey, Map<String, String> params, int status,
                           String objectId) {}

    private StripeStandIn(StripeFixtures fixtures, int port) {
        this.fixtures = fixtures;
        price("price_colmena_starter_monthly", 2900);
        price("price_colmena_pro_monthly", 9900);
        price("price_colmena_enterprise_monthly", 49900);
        this.server = new WireMockServer(options().port(port).bindAddress("127.0.0.1").containerThreads(12)
                .jettyAcceptors(1).disableRequestJournal().extensions(new Api()));
    }

    /**
     * Starts the stand-in on {@code port} of 127.0.0.1.
     *
     * @throws IllegalStateException when the port is taken (another stand-in or another program)
     */
    public static StripeStandIn start(StripeFixtures fixtures, int port) {
        requireFree(port, "Stripe stand-in");
        StripeStandIn standIn = new StripeStandIn(fixtures, port);
        standIn.server.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withTransformers(TRANSFORMER)));
        standIn.server.start();
        return standIn;
    }

    /** Its base URL, what billing-service's {@code STRIPE_API_BASE} must be. */
    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The requests answered so far. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** A copy of an object it made (customer, session, PaymentIntent, subscription). */
    public synchronized Optional<ObjectNode> object(String id) {
        return Optional.ofNullable(objects.get(id)).map(ObjectNode::deepCopy);
    }

    /** A copy of a price of this account. */
    public synchronized Optional<ObjectNode> priceObject(String id) {
        return Optional.ofNullable(prices.get(id)).map(ObjectNode::deepCopy);
    }

    /**
     * The customer pays on the hosted page of Checkout Session {@code sessionId}: it becomes
     * {@code complete} and {@code paid}; payment mode gets a new PaymentIntent ({@code succeeded}),
     * subscription mode a new {@code active} subscription on the session's price. Answers the session.
     */
    public synchronized ObjectNode complete(String sessionId) {
        ObjectNode session = objects.get(sessionId);
        if (session == null || !"checkout.session".equals(Json.text(session, "object"))) {
            throw new IllegalArgumentException("The Stripe stand-in made no Checkout Session " + sessionId);
        }
        long now = Instant.now().getEpochSecond();
        session.put("status", "complete");
        session.put("payment_status", "paid");
        if ("payment".equals(Json.text(session, "mode"))) {
            ObjectNode intent = fixtures.tree("stripe-openapi-fixtures3/payment_intent.json");
            String id = StripeFixtures.id("pi_", 24);
            intent.put("id", id);
            intent.put("amount", session.path("amount_total").asLong());
            intent.put("amount_received", session.path("amount_total").asLong());
            intent.put("currency", Json.text(session, "currency"));
            intent.put("status", "succeeded");
            intent.put("created", now);
            intent.put("client_secret", id + "_secret_" + StripeFixtures.id("", 25));
            intent.set("metadata", session.path("payment_intent_data_metadata").deepCopy());
            intent.putNull("canceled_at");
            objects.put(id, intent);
            session.put("payment_intent", id);
        } else if ("subscription".equals(Json.text(session, "mode"))) {
            ObjectNode subscription = subscriptionFor(session, now);
            objects.put(Json.text(subscription, "id"), subscription);
            session.put("subscription", Json.text(subscription, "id"));
        }
        return session.deepCopy();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Fails with a clear message when {@code port} of 127.0.0.1 cannot be bound. */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("The " + what + " cannot listen on port " + port
                    + ": it is taken (is another demo, e2e run or `java -jar e2e/target/e2e.jar stand-ins` running?)", e);
        }
    }

    private void price(String id, long unitAmount) {
        ObjectNode price = (ObjectNode) fixtures.tree("stripe-openapi-fixtures3/subscription.json")
                .path("items").path("data").path(0).path("price").deepCopy();
        price.put("id", id);
        price.put("unit_amount", unitAmount);
        price.put("unit_amount_decimal", String.valueOf(unitAmount));
        price.put("currency", "eur");
        price.put("lookup_key", id);
        prices.put(id, price);
    }

    private ObjectNode subscriptionFor(ObjectNode session, long now) {
        ObjectNode subscription = fixtures.tree("stripe-openapi-fixtures3/subscription.json");
        String id = StripeFixtures.id("sub_", 24);
        ObjectNode price = prices.get(Json.text(session, "line_item_price")).deepCopy();
        long periodEnd = now + Duration.ofDays(30).toSeconds();
        subscription.put("id", id);
        subscription.put("customer", Json.text(session, "customer"));
        subscription.put("status", "active");
        subscription.put("currency", Json.text(price, "currency"));
        subscription.put("created", now);
        subscription.put("start_date", now);
        subscription.put("billing_cycle_anchor", now);
        subscription.put("cancel_at_period_end", false);
        for (String field : List.of("cancel_at", "canceled_at", "ended_at", "trial_end", "trial_start",
                "next_pending_invoice_item_invoice")) {
            subscription.putNull(field);
        }
        subscription.set("metadata", session.path("subscription_data_metadata").deepCopy());
        ObjectNode item = (ObjectNode) subscription.path("items").path("data").path(0);
        item.put("id", StripeFixtures.id("si_", 14));
        item.put("created", now);
        item.put("subscription", id);
        item.put("quantity", 1);
        item.set("price", price);
        item.putNull("plan");
        item.put("current_period_start", now);
        item.put("current_period_end", periodEnd);
        ((ObjectNode) subscription.path("items")).put("url", "/v1/subscription_items?subscription=" + id);
        return subscription;
    }

    /** The WireMock extension that answers every request. */
    private final class Api implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            synchronized (StripeStandIn.this) {
                var request = event.getRequest();
                String method = request.getMethod().getName();
                String path = request.getUrl().split("\\?")[0];
                String key = request.getHeader("Idempotency-Key");
                Map<String, String> params = form(request.getBodyAsString());
                String auth = request.getHeader("Authorization");
                Reply reply;
                if (auth == null || !KEY.matcher(auth).matches()) {
                    reply = error(401, "invalid_request_error", null,
                            "You did not provide a valid API key: send it as 'Authorization: Bearer sk_...'.");
                } else if (key != null && method.equals("POST") && replies.containsKey(auth + " " + key)) {
                    Reply first = new Reply(200, replies.get(auth + " " + key));
                    received.add(new Received(method, path, key, params, 200, Json.text(Json.parse(first.body), "id")));
                    return response(first, true);
                } else {
                    reply = answer(method, path, params);
                    if (key != null && method.equals("POST") && reply.status == 200) {
                        replies.put(auth + " " + key, reply.body);
                    }
                }
                received.add(new Received(method, path, key, params, reply.status,
                        reply.status == 200 ? Json.text(Json.parse(reply.body), "id") : null));
                return response(reply, false);
            }
        }
    }

    private record Reply(int status, String body) {}

    private Reply answer(String method, String path, Map<String, String> params) {
        long now = Instant.now().getEpochSecond();
        Matcher action;
        if (method.equals("POST") && path.equals("/v1/customers")) {
            ObjectNode customer = fixtures.tree("stripe-openapi-fixtures3/customer.json");
            customer.put("id", StripeFixtures.id("cus_", 14));
            customer.put("created", now);
            customer.put("email", params.get("email"));
            customer.put("name", params.get("name"));
            customer.set("metadata", metadata(params, ""));
            return created(customer);
        }
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return checkoutSession(params, now);
        }
        if (method.equals("POST") && path.equals("/v1/payment_intents")) {
            ObjectNode intent = fixtures.tree("stripe-openapi-fixtures3/payment_intent.json");
            String id = StripeFixtures.id("pi_", 24);
            intent.put("id", id);
            intent.put("amount", Long.parseLong(params.getOrDefault("amount", "0")));
            intent.put("currency", params.get("currency"));
            intent.put("description", params.get("description"));
            intent.put("receipt_email", params.get("receipt_email"));
            intent.put("created", now);
            intent.put("client_secret", id + "_secret_" + StripeFixtures.id("", 25));
            intent.putNull("canceled_at");
            intent.set("metadata", metadata(params, ""));
            return created(intent);
        }
        if (method.equals("POST")
                && (action = Pattern.compile("/v1/checkout/sessions/([^/]+)/expire").matcher(path)).matches()) {
            return change(action.group(1), "checkout.session", session -> {
                if (!"open".equals(Json.text(session, "status"))) {
                    return error(400, "invalid_request_error", "checkout_session_not_open",
                            "Only Checkout Sessions with a status in [\"open\"] can be expired.");
                }
                session.put("status", "expired");
                return null;
            });
        }
        if (method.equals("POST")
                && (action = Pattern.compile("/v1/payment_intents/([^/]+)/cancel").matcher(path)).matches()) {
            return change(action.group(1), "payment_intent", intent -> {
                intent.put("status", "canceled");
                intent.put("canceled_at", now);
                intent.put("cancellation_reason", params.getOrDefault("cancellation_reason", "requested_by_customer"));
                return null;
            });
        }
        if (method.equals("GET") && (action = Pattern.compile("/v1/[a-z_/]+/([^/]+)").matcher(path)).matches()
                && objects.containsKey(action.group(1))) {
            return new Reply(200, Json.write(visible(objects.get(action.group(1)))));
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path
                + "). The Colmena Stripe stand-in answers only the calls billing-service makes in the e2e scenarios.");
    }

    private Reply checkoutSession(Map<String, String> params, long now) {
        ObjectNode session = fixtures.tree("stripe-openapi-fixtures3/checkout.session.json");
        String id = StripeFixtures.id("cs_test_a1", 56);
        long total = 0;
        String currency = null;
        String priceId = null;
        for (int i = 0; params.containsKey("line_items[" + i + "][quantity]"); i++) {
            long quantity = Long.parseLong(params.get("line_items[" + i + "][quantity]"));
            String price = params.get("line_items[" + i + "][price]");
            if (price != null) {
                ObjectNode known = prices.get(price);
                if (known == null) {
                    return error(400, "invalid_request_error", "resource_missing", "No such price: '" + price + "'");
                }
                priceId = price;
                total += known.path("unit_amount").asLong() * quantity;
                currency = Json.text(known, "currency");
            } else {
                total += Long.parseLong(params.getOrDefault("line_items[" + i + "][price_data][unit_amount]", "0"))
                        * quantity;
                currency = params.get("line_items[" + i + "][price_data][currency]");
            }
        }
        String mode = params.getOrDefault("mode", "payment");
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("mode", mode);
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("created", now);
        session.put("expires_at", now + Duration.ofHours(24).toSeconds());
        session.put("url", "https://checkout.stripe.com/c/pay/" + id);
        session.put("customer", params.get("customer"));
        session.put("customer_email", params.get("customer_email"));
        session.put("client_reference_id", params.get("client_reference_id"));
        session.put("success_url", params.get("success_url"));
        session.put("cancel_url", params.get("cancel_url"));
        session.put("amount_subtotal", total);
        session.put("amount_total", total);
        session.put("currency", currency);
        session.putNull("payment_intent");
        session.putNull("subscription");
        session.putNull("invoice");
        session.set("metadata", metadata(params, ""));
        // kept for complete(); removed from what the API shows
        session.set("payment_intent_data_metadata", metadata(params, "payment_intent_data"));
        session.set("subscription_data_metadata", metadata(params, "subscription_data"));
        session.put("line_item_price", priceId);
        return created(session);
    }

    private Reply created(ObjectNode object) {
        objects.put(Json.text(object, "id"), object);
        return new Reply(200, Json.write(visible(object)));
    }

    private Reply change(String id, String type, java.util.function.Function<ObjectNode, Reply> change) {
        ObjectNode object = objects.get(id);
        if (object == null || !type.equals(Json.text(object, "object"))) {
            return error(404, "invalid_request_error", "resource_missing", "No such " + type + ": '" + id + "'");
        }
        Reply refused = change.apply(object);
        return refused != null ? refused : new Reply(200, Json.write(visible(object)));
    }

    private static JsonNode visible(ObjectNode object) {
        ObjectNode shown = object.deepCopy();
        for (String internal : List.of("payment_intent_data_metadata", "subscription_data_metadata", "line_item_price")) {
            shown.remove(internal);
        }
        return shown;
    }

    private static ObjectNode metadata(Map<String, String> params, String parent) {
        ObjectNode metadata = Json.object();
        Pattern pattern = parent.isEmpty() ? METADATA : Pattern.compile(Pattern.quote(parent) + "\\[metadata]\\[(.+)]");
        params.forEach((name, value) -> {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                metadata.put(matcher.group(1), value);
            }
        });
        return metadata;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static Reply error(int status, String type, String code, String message) {
        ObjectNode error = Json.object();
        ObjectNode body = error.putObject("error");
        body.put("type", type);
        if (code != null) {
            body.put("code", code);
        }
        body.put("message", message);
        return new Reply(status, Json.write(error));
    }

    private static ResponseDefinition response(Reply reply, boolean replayed) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(reply.status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", StripeFixtures.id("req_", 14))
                .withBody(reply.body);
        if (replayed) {
            builder.withHeader("Idempotent-Replayed", "true");
        }
        return builder.build();
    }
}
