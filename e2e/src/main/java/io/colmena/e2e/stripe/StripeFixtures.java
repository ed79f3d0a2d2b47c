package io.colmena.e2e.stripe;

import io.colmena.e2e.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's own payloads from {@code ../shared/fixtures/stripe/} (see its README: Stripe's canonical
 * OpenAPI fixtures, and event bodies from zulip and pay-rails), read as they are, and Stripe-like ids.
 */
public final class StripeFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Path directory;

    /** The fixtures under {@code directory}; fails at once, naming the path, when it is missing. */
    public StripeFixtures(Path directory) {
        if (!Files.isDirectory(directory.resolve("stripe-openapi-fixtures3"))) {
            throw new IllegalStateException("Stripe fixtures not found at " + directory
                    + " (expected ../shared/fixtures/stripe beside the repository; set STRIPE_FIXTURES to override)");
        }
        this.directory = directory;
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /** A fixture file parsed into a fresh tree, e.g. {@code zulip/invoice_payment_succeeded.json}. */
    public ObjectNode tree(String file) {
        try {
            return (ObjectNode) Json.parse(Files.readString(directory.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Stripe fixture " + directory.resolve(file), e);
        }
    }

    /** A new Stripe-style id: {@code prefix} followed by {@code length} random letters and digits. */
    public static String id(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)]);
        }
        return id.toString();
    }
}
