package io.colmena.events.billing;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Stripe reported a failed payment attempt ({@code colmena.billing.payment.failed}): either for an
 * invoice a tenant issued to its customer ({@code invoiceId} set), or for the tenant's own platform
 * subscription ({@code invoiceId} null, {@code stripeObjectId} the Stripe invoice {@code in_...}).
 *
 * @param invoiceId      the tenant's invoice, or {@code null} for a platform-subscription payment
 * @param customerId     the CRM customer who tried to pay, or {@code null} for a platform-subscription payment
 * @param stripeObjectId the Stripe object that failed ({@code pi_...} or {@code in_...})
 * @param amountMinor    the amount attempted, in minor units of {@code currency}
 * @param currency       ISO 4217 code, upper case
 * @param reason         Stripe's failure message, if it gave one
 * @param failedAt       the Stripe event's {@code created}
 */
public record PaymentFailed(UUID tenantId, UUID invoiceId, UUID customerId, String stripeObjectId,
                            long amountMinor, String currency, String reason, Instant failedAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return invoiceId != null ? invoiceId.toString() : stripeObjectId;
    }
}
