package io.colmena.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the scenarios find the platform and their inputs, from the environment that {@code ./platform}
 * exports ({@code source .platform/env}), with the local defaults.
 *
 * @param gatewayUrl          the only Colmena address the scenarios call ({@code COLMENA_GATEWAY_URL},
 *                            default {@code http://localhost:8080})
 * @param stripeFixtures      Stripe's payloads: {@code -Dstripe.fixtures}, else {@code STRIPE_FIXTURES}, else
 *                            {@code ../shared/fixtures/stripe} next to the repository, else {@code /work/shared/fixtures/stripe}
 * @param platformWebhookSecret the signing secret of Colmena's own Stripe endpoint {@code /webhooks/stripe}: the
 *                            first entry of billing-service's {@code STRIPE_WEBHOOK_SECRETS}; empty when not set
 * @param stripePort          the port of the Stripe stand-in ({@code COLMENA_STRIPE_STAND_IN_PORT}, default
 *                            12111, stripe-mock's port); billing-service's {@code STRIPE_API_BASE} must point there
 * @param smtpPort            the port of the SMTP stand-in ({@code COLMENA_SMTP_PORT}, default 1025,
 *                            identity-service's default SMTP port)
 */
public record Settings(String gatewayUrl, Path stripeFixtures, Optional<String> platformWebhookSecret, int stripePort,
                       int smtpPort) {

    /** The Stripe stand-in's default port: the one stripe-mock uses. */
    public static final int DEFAULT_STRIPE_PORT = 12111;
    /** identity-service's default SMTP port. */
    public static final int DEFAULT_SMTP_PORT = 1025;

    /** Reads the environment. */
    public static Settings fromEnvironment() {
        String secrets = env("STRIPE_WEBHOOK_SECRETS", "");
        Optional<String> first = Arrays.stream(secrets.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .findFirst();
        return new Settings(stripTrailingSlash(env("COLMENA_GATEWAY_URL", "http://localhost:8080")), fixtures(),
                first, Integer.parseInt(env("COLMENA_STRIPE_STAND_IN_PORT", String.valueOf(DEFAULT_STRIPE_PORT))),
                Integer.parseInt(env("COLMENA_SMTP_PORT", String.valueOf(DEFAULT_SMTP_PORT))));
    }

    /** The repository root: the nearest directory above the working directory that holds {@code platform}. */
    public static Optional<Path> repositoryRoot() {
        String home = System.getProperty("colmena.home", System.getenv("COLMENA_HOME"));
        if (home != null && Files.isRegularFile(Path.of(home, "platform"))) {
            return Optional.of(Path.of(home).toAbsolutePath());
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("platform"))) {
            dir = dir.getParent();
        }
        return Optional.ofNullable(dir);
    }

    private static Path fixtures() {
        String configured = System.getProperty("stripe.fixtures", System.getenv("STRIPE_FIXTURES"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return repositoryRoot().map(root -> root.toAbsolutePath().getParent().resolve("shared/fixtures/stripe"))
                .filter(Files::isDirectory)
                .orElse(Path.of("/work/shared/fixtures/stripe"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
