package io.colmena.billing.stripe;

import java.time.Instant;

/**
 * A tenant's Stripe connection as the API shows it: secrets are never returned, only masked hints
 * ({@code rk_live_…9xYz}).
 *
 * @param mode             CONNECT or OWN_ACCOUNT
 * @param connectAccountId the Connect account, for CONNECT
 * @param restrictedKey    masked hint of the key, for OWN_ACCOUNT
 * @param webhookSecret    masked hint of the signing secret, for OWN_ACCOUNT
 * @param livemode         whether test-mode events are refused
 * @param webhookPath      the path to register as the endpoint URL in the tenant's Stripe dashboard
 *                         (OWN_ACCOUNT); CONNECT events arrive on Colmena's {@code /webhooks/stripe}
 */
public record StripeAccountResponse(String mode, String connectAccountId, String restrictedKey, String webhookSecret,
                                    boolean livemode, String webhookPath, Instant updatedAt) {}
