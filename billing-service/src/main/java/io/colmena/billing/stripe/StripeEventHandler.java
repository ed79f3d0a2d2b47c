package io.colmena.billing.stripe;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the effect of verified Stripe events of some types for one {@link StripeDelivery.Scope}.
 * Feature packages implement it; {@link StripeWebhookProcessor} calls {@link #handle} inside the
 * transaction that also stores the Stripe event id, with the event's tenant bound.
 */
public interface StripeEventHandler {

    /** Whose events this handler takes. */
    StripeDelivery.Scope scope();

    /** The Stripe event types it takes. */
    Set<String> types();

    /**
     * The tenant a {@link StripeDelivery.Scope#PLATFORM} event is about, found from Stripe ids before the
     * effect's transaction begins (so the tenant can be bound to it). Tenant-scoped events are already
     * routed; the default answers their tenant.
     */
    default Optional<UUID> resolveTenant(StripeDelivery delivery) {
        return Optional.ofNullable(delivery.tenantId());
    }

    /** Applies the event; runs in the transaction that records it. Throwing rolls both back (Stripe retries). */
    Result handle(StripeDelivery delivery);

    /**
     * What an event did, kept in the Stripe event log for support.
     *
     * @param outcome what happened
     * @param detail  one sentence for a human
     */
    record Result(Outcome outcome, String detail) {

        public static Result applied(String detail) {
            return new Result(Outcome.APPLIED, detail);
        }

        public static Result noChange(String detail) {
            return new Result(Outcome.NO_CHANGE, detail);
        }

        public static Result stale(String detail) {
            return new Result(Outcome.STALE, detail);
        }

        public static Result ignored(String detail) {
            return new Result(Outcome.IGNORED, detail);
        }
    }

    /** What an event did. */
    enum Outcome {
        /** Its effect was applied. */
        APPLIED,
        /** The state it reports was already recorded (e.g. the second of invoice.paid / invoice.payment_succeeded). */
        NO_CHANGE,
        /** Older than the state already recorded (out of order); nothing changed. */
        STALE,
        /** A known type with nothing to do here (not about anything billing-service tracks). */
        IGNORED,
        /** A type billing-service does not handle; acknowledged and ignored. */
        UNKNOWN_TYPE,
        /** A Connect event from an account no tenant connected. */
        UNROUTABLE
    }
}
