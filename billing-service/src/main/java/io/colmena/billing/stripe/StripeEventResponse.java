package io.colmena.billing.stripe;

import java.time.Instant;
import java.util.UUID;

/**
 * One received Stripe event, for support ({@code GET /api/billing/stripe-events}).
 *
 * @param stripeEventId Stripe's event id
 * @param account       {@code platform} (Colmena's account), {@code acct_...} (Connect) or {@code tenant:<id>}
 * @param tenantId      the tenant it was routed to, if any
 * @param objectId      {@code data.object.id}
 * @param createdAt     when Stripe created the event
 * @param receivedAt    when billing-service processed it (redeliveries are not listed again)
 * @param outcome       APPLIED, NO_CHANGE, STALE, IGNORED, UNKNOWN_TYPE or UNROUTABLE
 * @param detail        what it did, in one sentence
 */
public record StripeEventResponse(UUID id, String stripeEventId, String type, String account, UUID tenantId,
                                  boolean livemode, String apiVersion, String objectId, Instant createdAt,
                                  Instant receivedAt, String outcome, String detail) {}
