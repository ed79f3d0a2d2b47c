package io.colmena.billing.config;

import io.colmena.events.identity.Plan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * billing-service's configuration ({@code colmena.billing.*}), validated at start-up.
 *
 * @param stripe                   Colmena's own Stripe account and webhook endpoint
 * @param crypto                   the key that encrypts tenants' Stripe secrets
 * @param plans                    price of each paid plan (FREE costs nothing and has no entry)
 * @param metricsCurrency          the currency revenue metrics report by default (ISO 4217)
 * @param overdueCheckInterval     how often the overdue job runs
 * @param scheduledChangesInterval how often downgrades scheduled for period end are applied
 */
@Validated
@ConfigurationProperties("colmena.billing")
public record BillingProperties(
        @Valid @NotNull Stripe stripe,
        @Valid @NotNull Crypto crypto,
        @Valid Map<Plan, PlanPrice> plans,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String metricsCurrency,
        @NotNull Duration overdueCheckInterval,
        @NotNull Duration scheduledChangesInterval) {

    public BillingProperties {
        plans = plans == null ? Map.of() : Map.copyOf(plans);
    }

    /**
     * Colmena's Stripe account.
     *
     * @param apiBase            Stripe API base URL ({@code https://api.stripe.com}; WireMock in tests)
     * @param apiKey             secret or restricted key of Colmena's account; empty disables outgoing calls
     *                           (they answer 503). {@code sk_live_}/{@code rk_live_} means live mode.
     * @param webhookSecrets     signing secrets of {@code /webhooks/stripe}; several during a rotation
     * @param webhookTolerance   how old a signature timestamp may be (Stripe's default: 300 s)
     * @param checkoutSuccessUrl where Stripe Checkout sends the payer after paying
     * @param checkoutCancelUrl  where Stripe Checkout sends the payer who gives up
     */
    public record Stripe(
            @NotBlank String apiBase,
            String apiKey,
            List<String> webhookSecrets,
            @NotNull Duration webhookTolerance,
            @NotBlank String checkoutSuccessUrl,
            @NotBlank String checkoutCancelUrl) {

        public Stripe {
            webhookSecrets = webhookSecrets == null ? List.of()
                    : webhookSecrets.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
        }

        /** Whether Colmena's key is a live-mode key (so its endpoint refuses test-mode events). */
        public boolean livemode() {
            return apiKey != null && (apiKey.startsWith("sk_live_") || apiKey.startsWith("rk_live_"));
        }

        /** The API key, if one is configured. */
        public Optional<String> key() {
            return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.trim());
        }
    }

    /**
     * @param keyset a Tink keyset in Tink's JSON format holding AEAD keys (AES-256-GCM); from the
     *               environment ({@code COLMENA_BILLING_KEYSET}), never from the repository outside the
     *               local profile
     */
    public record Crypto(@NotBlank(message = "colmena.billing.crypto.keyset (COLMENA_BILLING_KEYSET) must hold "
            + "the Tink AEAD keyset that encrypts tenants' Stripe secrets") String keyset) {}

    /**
     * The Stripe price of a paid plan.
     *
     * @param priceId       the Stripe price used for new checkouts and plan changes
     * @param amountMinor   its monthly amount in minor units of {@code currency}
     * @param currency      ISO 4217 code
     * @param otherPriceIds older or alternative prices that also mean this plan
     */
    public record PlanPrice(@NotBlank String priceId, @Min(0) long amountMinor,
                            @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency, List<String> otherPriceIds) {

        public PlanPrice {
            otherPriceIds = otherPriceIds == null ? List.of() : List.copyOf(otherPriceIds);
        }
    }
}
