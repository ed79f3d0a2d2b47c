package io.colmena.billing.stripe;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * A Stripe event whose signature was verified, as handed to a {@link StripeEventHandler}.
 *
 * @param stripeEventId      the event's {@code id} ({@code evt_...})
 * @param type               the event's {@code type} ({@code invoice.paid}, ...)
 * @param scope              whose account it comes from
 * @param tenantId           the tenant it was routed to ({@code null} when a platform event is not linked to one)
 * @param livemode           the event's {@code livemode}
 * @param created            the event's {@code created}: Stripe's time of the change, used to order updates
 * @param object             {@code data.object}, as Stripe sent it (any API version)
 * @param previousAttributes {@code data.previous_attributes} of {@code *.updated} events, or an empty object
 */
public record StripeDelivery(String stripeEventId, String type, Scope scope, UUID tenantId, boolean livemode,
                             Instant created, JsonObject object, JsonObject previousAttributes) {

    /** Whose Stripe account an event comes from. */
    public enum Scope {
        /** Colmena's own account: tenants' platform subscriptions. */
        PLATFORM,
        /** A tenant's account (its own endpoint, or a Connect event carrying {@code account}). */
        TENANT
    }

    /** This delivery with {@code tenant} as its tenant. */
    public StripeDelivery withTenant(UUID tenant) {
        return new StripeDelivery(stripeEventId, type, scope, tenant, livemode, created, object, previousAttributes);
    }

    /** {@code data.object.id}. */
    public String objectId() {
        return StripeJson.string(object, "id").orElse(null);
    }
}
