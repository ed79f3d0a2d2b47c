package io.colmena.billing.support;

import com.stripe.net.Webhook;
import io.colmena.platform.test.LocalInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real Stripe payloads of {@code ../shared/fixtures/stripe/} (see its README), read byte for byte,
 * and Stripe-Signature headers made with stripe-java's own
 * {@link Webhook.Signature#generateSignatureHeader}.
 */
public final class StripeFixtures {

    /** The current secret of Colmena's endpoint in the test configuration. */
    public static final String CURRENT_SECRET = "whsec_colmena_test_current_secret";
    /** The secret being rotated out, still configured. */
    public static final String PREVIOUS_SECRET = "whsec_colmena_test_previous_secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeFixtures() {}

    /** The fixtures directory: {@code -Dstripe.fixtures=...}, else {@code <repo>/../shared/fixtures/stripe}. */
    public static Path directory() {
        String configured = System.getProperty("stripe.fixtures");
        return configured != null ? Path.of(configured)
                : LocalInfrastructure.repositoryRoot().getParent().resolve("shared/fixtures/stripe");
    }

    /** The exact bytes of a fixture file, e.g. {@code zulip/invoice_payment_succeeded.json}. */
    public static String raw(String file) {
        try {
            return Files.readString(directory().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture parsed, to derive an event from it (a new id, an older {@code created}, ...). */
    public static ObjectNode tree(String file) {
        return (ObjectNode) JSON.readTree(raw(file));
    }

    /**
     * A full event envelope around a fixture that holds only an event's {@code data} ({@code pay-mit/*.data.json})
     * or only an object ({@code stripe-java-mit/...-object.json}, {@code stripe-openapi-fixtures3/...}).
     */
    public static String envelope(String id, String type, long created, boolean livemode, String dataFile) {
        JsonNode content = tree(dataFile);
        ObjectNode event = JSON.createObjectNode();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", "2025-03-31.basil");
        event.put("created", created);
        event.put("livemode", livemode);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        if (content.has("object") && content.get("object").isObject()) {
            event.set("data", content);
        } else {
            ObjectNode data = JSON.createObjectNode();
            data.set("object", content);
            event.set("data", data);
        }
        return JSON.writeValueAsString(event);
    }

    /** {@code json} serialised. */
    public static String write(JsonNode json) {
        return JSON.writeValueAsString(json);
    }

    /** A valid {@code Stripe-Signature} for {@code payload} signed with {@code secret} at {@code timestamp}. */
    public static String sign(String payload, String secret, long timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
