package io.colmena.billing.stripe;

import com.stripe.model.Event;
import io.colmena.billing.config.BillingProperties;
import io.colmena.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe webhook endpoints (public: authenticated by {@code Stripe-Signature}, not by a token).
 *
 * <ul>
 *   <li>{@code POST /webhooks/stripe}: Colmena's own endpoint, verified with
 *       {@code colmena.billing.stripe.webhook-secrets}. Events without {@code account} are about
 *       tenants' platform subscriptions; Connect events carry {@code account} and go to the tenant that
 *       connected that account ({@code stripe_route}), or are logged as UNROUTABLE.</li>
 *   <li>{@code POST /webhooks/stripe/{webhookKey}}: a tenant's own account; the random key in the path
 *       names the tenant, whose stored signing secret verifies the body.</li>
 * </ul>
 *
 * <p>The body is taken as raw bytes and verified before anything reads it; a test-mode event on a
 * live endpoint is refused. Answers: 200 {@link WebhookResponse} for every verified event, including
 * duplicates and unknown types; 400 problem for a missing, malformed, stale or wrong signature; 404 for
 * an unknown webhook key; 503 when no secret is configured.
 */
@RestController
@Tag(name = "Stripe webhooks")
class StripeWebhookController {

    private final StripeSignatureVerifier verifier;
    private final StripeWebhookProcessor processor;
    private final StripeAccounts accounts;
    private final BillingProperties.Stripe config;

    StripeWebhookController(StripeSignatureVerifier verifier, StripeWebhookProcessor processor,
                            StripeAccounts accounts, BillingProperties properties) {
        this.verifier = verifier;
        this.processor = processor;
        this.accounts = accounts;
        this.config = properties.stripe();
    }

    /**
     * What billing-service did with a delivery.
     *
     * @param eventId   the Stripe event id
     * @param duplicate true when the event had already been processed (nothing changed)
     * @param outcome   APPLIED, NO_CHANGE, STALE, IGNORED, UNKNOWN_TYPE or UNROUTABLE; null for duplicates
     */
    record WebhookResponse(String eventId, boolean duplicate, String outcome) {}

    @Operation(summary = "Colmena's Stripe webhook endpoint (platform subscriptions and Connect accounts)")
    @PostMapping("/webhooks/stripe")
    WebhookResponse platform(@RequestBody(required = false) byte[] body,
                             @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (config.webhookSecrets().isEmpty()) {
            throw StripeAccounts.notConfigured();
        }
        Event event = verifier.verify(body == null ? new byte[0] : body, signature, config.webhookSecrets(),
                config.webhookTolerance());
        refuseTestEventOnLiveEndpoint(event, config.livemode());
        StripeWebhookProcessor.Route route;
        if (event.getAccount() != null && !event.getAccount().isBlank()) {
            UUID tenant = accounts.tenantOfConnectAccount(event.getAccount()).orElse(null);
            route = new StripeWebhookProcessor.Route(StripeDelivery.Scope.TENANT, tenant, event.getAccount(),
                    tenant != null);
        } else {
            route = new StripeWebhookProcessor.Route(StripeDelivery.Scope.PLATFORM, null, "platform", true);
        }
        return respond(processor.process(event, route));
    }

    @Operation(summary = "A tenant's own Stripe account webhook endpoint")
    @PostMapping("/webhooks/stripe/{webhookKey}")
    WebhookResponse tenant(@PathVariable String webhookKey, @RequestBody(required = false) byte[] body,
                           @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        StripeAccounts.TenantEndpoint endpoint = webhookKey.matches("[A-Za-z0-9_-]{8,64}")
                ? accounts.endpoint(webhookKey).orElse(null) : null;
        if (endpoint == null) {
            throw ProblemException.notFound("Stripe webhook endpoint", webhookKey);
        }
        Event event = verifier.verify(body == null ? new byte[0] : body, signature, endpoint.secrets(),
                config.webhookTolerance());
        refuseTestEventOnLiveEndpoint(event, endpoint.livemode());
        return respond(processor.process(event, new StripeWebhookProcessor.Route(StripeDelivery.Scope.TENANT,
                endpoint.tenantId(), "tenant:" + endpoint.tenantId(), true)));
    }

    private static void refuseTestEventOnLiveEndpoint(Event event, boolean liveEndpoint) {
        if (liveEndpoint && !Boolean.TRUE.equals(event.getLivemode())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "stripe-livemode-mismatch",
                    "Test-mode event on a live endpoint",
                    "Event " + event.getId() + " is a test-mode event; this endpoint uses a live-mode key");
        }
    }

    private static WebhookResponse respond(StripeWebhookProcessor.Receipt receipt) {
        return new WebhookResponse(receipt.stripeEventId(), receipt.duplicate(),
                receipt.outcome() == null ? null : receipt.outcome().name());
    }
}
