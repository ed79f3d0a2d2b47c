package io.colmena.events.billing;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An issued invoice was paid in full through Stripe ({@code colmena.billing.invoice.paid}). Sent once
 * per invoice however many Stripe events report the payment.
 *
 * @param amountMinor     amount paid, in minor units of {@code currency}
 * @param stripeObjectId  the Stripe object that carried the payment ({@code cs_...}, {@code pi_...} or {@code in_...})
 * @param paidAt          when Stripe reported it (the Stripe event's {@code created})
 */
public record InvoicePaid(UUID tenantId, UUID invoiceId, String number, UUID customerId, String currency,
                          long amountMinor, String stripeObjectId, Instant paidAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
