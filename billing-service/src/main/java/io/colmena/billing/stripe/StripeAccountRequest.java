package io.colmena.billing.stripe;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How a tenant connects its Stripe account ({@code PUT /api/billing/stripe-account}): either a
 * Stripe Connect account connected to Colmena's platform, or its own account through a restricted
 * key plus the signing secret of the webhook endpoint it created for
 * {@code /webhooks/stripe/{webhookKey}} (see the response).
 *
 * @param connectAccountId a Connect account id {@code acct_...}
 * @param restrictedKey    a restricted ({@code rk_live_}/{@code rk_test_}) or secret key of the tenant's own account
 * @param webhookSecret    the endpoint's signing secret {@code whsec_...}, required with {@code restrictedKey}
 * @param livemode         for a Connect account, whether it is used in live mode (own keys say it by their prefix)
 */
public record StripeAccountRequest(
        @Pattern(regexp = "acct_[A-Za-z0-9]{1,64}", message = "must be a Stripe account id such as acct_1Abc") String connectAccountId,
        @Pattern(regexp = "(rk|sk)_(live|test)_[A-Za-z0-9]{8,247}", message = "must be a Stripe restricted or secret key (rk_live_..., rk_test_...)")
        @Size(max = 255) String restrictedKey,
        @Pattern(regexp = "whsec_[A-Za-z0-9+/=_-]{8,250}", message = "must be a Stripe webhook signing secret (whsec_...)")
        String webhookSecret,
        Boolean livemode) {

    @AssertTrue(message = "give either connectAccountId, or restrictedKey with webhookSecret")
    boolean isOneConnection() {
        boolean connect = connectAccountId != null && restrictedKey == null && webhookSecret == null;
        boolean own = connectAccountId == null && restrictedKey != null && webhookSecret != null;
        return connect || own;
    }
}
