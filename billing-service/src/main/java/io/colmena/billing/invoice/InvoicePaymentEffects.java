package io.colmena.billing.invoice;

import com.google.gson.JsonObject;
import io.colmena.billing.stripe.StripeDelivery;
import io.colmena.billing.stripe.StripeEventHandler;
import io.colmena.billing.stripe.StripeJson;
import io.colmena.events.billing.InvoicePaid;
import io.colmena.events.billing.PaymentFailed;
import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.tenancy.TenantContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Effects of Stripe events from tenants' accounts on their invoices. Runs inside the transaction that
 * records the Stripe event, with the tenant bound, and with the invoice row locked, so the several
 * events that report one payment (checkout.session.completed, payment_intent.succeeded, invoice.paid,
 * invoice.payment_succeeded) mark it PAID and publish {@link InvoicePaid} once; a failure reported after
 * the success (out of order) changes nothing; refunds only ever grow.
 *
 * <p>An event is matched to an invoice by the {@code colmena_invoice_id} metadata billing-service puts
 * on every Checkout Session and PaymentIntent it creates, else by the attempt's Stripe object id.
 */
@Component
class InvoicePaymentEffects implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(InvoicePaymentEffects.class);

    private final InvoiceRepository invoices;
    private final PaymentAttemptRepository attempts;
    private final EventOutbox outbox;
    private final Clock clock;

    InvoicePaymentEffects(InvoiceRepository invoices, PaymentAttemptRepository attempts, EventOutbox outbox,
                          Clock clock) {
        this.invoices = invoices;
        this.attempts = attempts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public StripeDelivery.Scope scope() {
        return StripeDelivery.Scope.TENANT;
    }

    @Override
    public Set<String> types() {
        return Set.of("checkout.session.completed", "checkout.session.async_payment_succeeded",
                "checkout.session.async_payment_failed", "payment_intent.succeeded", "payment_intent.payment_failed",
                "invoice.paid", "invoice.payment_succeeded", "invoice.payment_failed", "charge.refunded");
    }

    @Override
    public Result handle(StripeDelivery delivery) {
        JsonObject object = delivery.object();
        return switch (delivery.type()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                if (!"paid".equals(StripeJson.string(object, "payment_status").orElse(""))) {
                    yield Result.ignored("Checkout Session " + delivery.objectId() + " is not paid yet");
                }
                yield paid(delivery, attemptBy(delivery.objectId(), null),
                        StripeJson.number(object, "amount_total").orElse(-1L),
                        StripeJson.string(object, "currency").orElse(""),
                        StripeJson.string(object, "payment_intent").orElse(null));
            }
            case "payment_intent.succeeded" -> paid(delivery, attemptBy(null, delivery.objectId()),
                    StripeJson.number(object, "amount_received").filter(a -> a > 0)
                            .or(() -> StripeJson.number(object, "amount")).orElse(-1L),
                    StripeJson.string(object, "currency").orElse(""), delivery.objectId());
            case "invoice.paid", "invoice.payment_succeeded" -> paid(delivery, Optional.empty(),
                    StripeJson.number(object, "amount_paid").filter(a -> a > 0)
                            .or(() -> StripeJson.number(object, "total")).orElse(-1L),
                    StripeJson.string(object, "currency").orElse(""),
                    StripeJson.string(object, "payment_intent").orElse(null));
            case "payment_intent.payment_failed" -> failed(delivery, attemptBy(null, delivery.objectId()),
                    StripeJson.string(object, "last_payment_error.message").orElse("payment failed"),
                    StripeJson.number(object, "amount").orElse(0L));
            case "checkout.session.async_payment_failed" -> failed(delivery, attemptBy(delivery.objectId(), null),
                    "asynchronous payment failed", StripeJson.number(object, "amount_total").orElse(0L));
            case "invoice.payment_failed" -> failed(delivery, Optional.empty(),
                    StripeJson.string(object, "last_finalization_error.message").orElse("invoice payment failed"),
                    StripeJson.number(object, "amount_due").orElse(0L));
            case "charge.refunded" -> refunded(delivery);
            default -> Result.ignored(delivery.type() + " has no effect on invoices");
        };
    }

    private Result paid(StripeDelivery delivery, Optional<PaymentAttempt> attempt, long amount, String currency,
                        String paymentIntentId) {
        Optional<Invoice> found = invoiceOf(delivery, attempt);
        if (found.isEmpty()) {
            return Result.ignored(delivery.objectId() + " is not the payment of a Colmena invoice");
        }
        Invoice invoice = found.get();
        Optional<PaymentAttempt> matched = attempt.isPresent() ? attempt
                : Optional.ofNullable(paymentIntentId).flatMap(attempts::findFirstByPaymentIntentId);
        matched.ifPresent(a -> a.succeed(paymentIntentId, clock.instant()));
        return switch (invoice.status()) {
            case PAID -> Result.noChange("Invoice " + invoice.number() + " was already paid");
            case CANCELLED -> {
                log.warn("Stripe reports a payment for cancelled invoice {} ({}); refund it in Stripe",
                        invoice.number(), delivery.objectId());
                yield Result.ignored("Invoice " + invoice.number() + " is cancelled: refund " + delivery.objectId()
                        + " in Stripe");
            }
            case DRAFT -> Result.ignored("Invoice " + invoice.id() + " is a draft");
            case PENDING, OVERDUE -> {
                if (amount != invoice.totalMinor() || !invoice.currency().equalsIgnoreCase(currency)) {
                    log.warn("Stripe payment {} of {} {} does not match invoice {} total {} {}", delivery.objectId(),
                            amount, currency, invoice.number(), invoice.totalMinor(), invoice.currency());
                    yield Result.ignored("Paid " + amount + " " + currency.toUpperCase(Locale.ROOT)
                            + " does not match the total of " + invoice.number());
                }
                invoice.markPaid(amount, delivery.created(), clock.instant());
                outbox.publish(new InvoicePaid(TenantContext.require(), invoice.id(), invoice.number(),
                        invoice.customerId(), invoice.currency(), amount, delivery.objectId(), delivery.created()));
                yield Result.applied("Invoice " + invoice.number() + " PAID");
            }
        };
    }

    private Result failed(StripeDelivery delivery, Optional<PaymentAttempt> attempt, String reason, long amount) {
        Optional<Invoice> found = invoiceOf(delivery, attempt);
        if (found.isEmpty()) {
            return Result.ignored(delivery.objectId() + " is not the payment of a Colmena invoice");
        }
        Invoice invoice = found.get();
        if (!invoice.status().isOpen()) {
            return Result.stale("Invoice " + invoice.number() + " is already " + invoice.status()
                    + "; the failure is older news");
        }
        Optional<PaymentAttempt> failing = attempt.or(() -> attempts.findByInvoiceIdOrderByAttemptNumber(invoice.id())
                .stream().filter(a -> a.status() == PaymentAttempt.Status.OPEN).reduce((a, b) -> b));
        if (failing.isPresent() && !failing.get().fail(reason, clock.instant())) {
            return Result.noChange("Attempt " + failing.get().attemptNumber() + " of " + invoice.number()
                    + " was already " + failing.get().status());
        }
        outbox.publish(new PaymentFailed(TenantContext.require(), invoice.id(), invoice.customerId(),
                delivery.objectId(), amount, invoice.currency(), reason, delivery.created()));
        return Result.applied("Payment of " + invoice.number() + " failed: " + reason);
    }

    private Result refunded(StripeDelivery delivery) {
        JsonObject charge = delivery.object();
        Optional<PaymentAttempt> attempt = StripeJson.string(charge, "payment_intent")
                .flatMap(attempts::findFirstByPaymentIntentId);
        Optional<Invoice> found = invoiceOf(delivery, attempt);
        if (found.isEmpty()) {
            return Result.ignored("Charge " + delivery.objectId() + " is not the payment of a Colmena invoice");
        }
        Invoice invoice = found.get();
        long refunded = StripeJson.number(charge, "amount_refunded").orElse(0L);
        return invoice.recordRefund(refunded, clock.instant())
                ? Result.applied("Invoice " + invoice.number() + " refunded " + refunded + " in total")
                : Result.noChange("Refunds of " + invoice.number() + " already recorded");
    }

    private Optional<PaymentAttempt> attemptBy(String stripeObjectId, String paymentIntentId) {
        if (stripeObjectId != null) {
            return attempts.findFirstByStripeObjectId(stripeObjectId);
        }
        return paymentIntentId == null ? Optional.empty() : attempts.findFirstByPaymentIntentId(paymentIntentId)
                .or(() -> attempts.findFirstByStripeObjectId(paymentIntentId));
    }

    private Optional<Invoice> invoiceOf(StripeDelivery delivery, Optional<PaymentAttempt> attempt) {
        Optional<UUID> id = StripeJson.string(delivery.object(), "metadata." + InvoicePayments.INVOICE_METADATA)
                .flatMap(InvoicePaymentEffects::uuid)
                .or(() -> attempt.map(PaymentAttempt::invoiceId));
        return id.flatMap(invoices::lockById);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
