package io.colmena.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import io.colmena.billing.config.BillingProperties;
import io.colmena.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * stripe-java clients for Colmena's own account and for tenants' accounts, all against the
 * configured API base ({@code colmena.billing.stripe.api-base}; WireMock in tests). Every call that
 * creates or changes something passes an idempotency key ({@link #options}), as Stripe recommends
 * (https://docs.stripe.com/api/idempotent_requests): a retried request returns the first result.
 */
@Component
public class StripeGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final BillingProperties.Stripe config;

    public StripeGateway(BillingProperties properties) {
        this.config = properties.stripe();
    }

    /** A call to Stripe that may fail with a {@link StripeException}. */
    @FunctionalInterface
    public interface StripeCall<T> {
        T call(StripeClient client) throws StripeException;
    }

    /** Runs {@code call} with Colmena's own key; 503 when no key is configured. */
    public <T> T platform(StripeCall<T> call) {
        String key = config.key().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                "stripe-not-configured", "Stripe is not configured",
                "Colmena's Stripe account is not configured on this installation"));
        return run(client(key), call);
    }

    /**
     * Runs {@code call} on a tenant's account: with its own restricted key, or, for a Connect account,
     * with Colmena's key (the caller adds {@code Stripe-Account} through {@link #options}).
     */
    public <T> T tenant(TenantStripe account, StripeCall<T> call) {
        if (account.apiKey() == null) {
            return platform(call);
        }
        return run(client(account.apiKey()), call);
    }

    /** Request options with {@code idempotencyKey} and, for Connect accounts, the {@code Stripe-Account} header. */
    public static RequestOptions options(String idempotencyKey, TenantStripe account) {
        RequestOptions.RequestOptionsBuilder builder = RequestOptions.builder().setIdempotencyKey(idempotencyKey);
        if (account != null && account.connectAccountId() != null) {
            builder.setStripeAccount(account.connectAccountId());
        }
        return builder.build();
    }

    private StripeClient client(String apiKey) {
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(config.apiBase())
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                .setMaxNetworkRetries(2)
                .build();
    }

    private static <T> T run(StripeClient client, StripeCall<T> call) {
        try {
            return call.call(client);
        } catch (ApiConnectionException e) {
            log.warn("Stripe is unreachable: {}", e.getMessage());
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "stripe-unavailable", "Stripe is unavailable",
                    "Stripe could not be reached; nothing was changed, try again later");
        } catch (StripeException e) {
            log.warn("Stripe refused a request: status={} code={} requestId={}", e.getStatusCode(), e.getCode(),
                    e.getRequestId());
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "stripe-error", "Stripe refused the request",
                    "Stripe answered " + e.getStatusCode() + (e.getCode() == null ? "" : " (" + e.getCode() + ")")
                            + "; nothing was changed")
                    .with("stripeRequestId", e.getRequestId());
        }
    }

    /**
     * How to reach a tenant's Stripe account.
     *
     * @param apiKey           the tenant's restricted key, or {@code null} for a Connect account
     * @param connectAccountId the Connect account ({@code acct_...}), or {@code null} for an own key
     * @param livemode         whether it is a live-mode account
     */
    public record TenantStripe(String apiKey, String connectAccountId, boolean livemode) {}
}
