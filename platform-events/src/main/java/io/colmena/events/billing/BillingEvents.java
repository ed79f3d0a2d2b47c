package io.colmena.events.billing;

import io.colmena.events.EventType;
import java.util.List;

/**
 * billing-service's events, one topic per aggregate: {@code colmena.billing.subscription} (key: tenant
 * id), {@code colmena.billing.invoice} (key: invoice id) and {@code colmena.billing.payment} (key: the
 * invoice id, or the Stripe object id for platform-subscription payments).
 */
public final class BillingEvents {

    public static final EventType<SubscriptionChanged> SUBSCRIPTION_CHANGED =
            EventType.of("colmena.billing.subscription.changed", SubscriptionChanged.class);
    public static final EventType<SubscriptionCancelled> SUBSCRIPTION_CANCELLED =
            EventType.of("colmena.billing.subscription.cancelled", SubscriptionCancelled.class);
    public static final EventType<InvoiceIssued> INVOICE_ISSUED =
            EventType.of("colmena.billing.invoice.issued", InvoiceIssued.class);
    public static final EventType<InvoicePaid> INVOICE_PAID =
            EventType.of("colmena.billing.invoice.paid", InvoicePaid.class);
    public static final EventType<InvoiceOverdue> INVOICE_OVERDUE =
            EventType.of("colmena.billing.invoice.overdue", InvoiceOverdue.class);
    public static final EventType<InvoiceCancelled> INVOICE_CANCELLED =
            EventType.of("colmena.billing.invoice.cancelled", InvoiceCancelled.class);
    public static final EventType<PaymentFailed> PAYMENT_FAILED =
            EventType.of("colmena.billing.payment.failed", PaymentFailed.class);

    /** All of them, for {@link io.colmena.events.EventCatalog}. */
    public static final List<EventType<?>> TYPES = List.of(SUBSCRIPTION_CHANGED, SUBSCRIPTION_CANCELLED,
            INVOICE_ISSUED, INVOICE_PAID, INVOICE_OVERDUE, INVOICE_CANCELLED, PAYMENT_FAILED);

    private BillingEvents() {}
}
