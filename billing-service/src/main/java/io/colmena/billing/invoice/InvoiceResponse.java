package io.colmena.billing.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as the API shows it. Amounts are integers in minor units of {@code currency}.
 *
 * @param number         {@code INV-<year>-<6 digits>}, per tenant; {@code null} while DRAFT
 * @param status         DRAFT, PENDING, PAID, OVERDUE or CANCELLED
 * @param subtotalMinor  Σ line net amounts
 * @param taxMinor       Σ line taxes, each rounded half up to the minor unit
 * @param totalMinor     subtotal + tax
 * @param paidMinor      what Stripe collected, once PAID
 * @param refundedMinor  what Stripe refunded since (the invoice stays PAID)
 * @param version        optimistic-lock version, also sent as the {@code ETag}
 * @param payments       payment attempts, oldest first (empty in list responses)
 */
public record InvoiceResponse(UUID id, String number, InvoiceStatus status, UUID customerId, String customerName,
                              String customerEmail, String customerAddress, String currency, LocalDate dueDate,
                              String notes, List<LineResponse> lines, long subtotalMinor, long taxMinor,
                              long totalMinor, Long paidMinor, long refundedMinor, Instant issuedAt, Instant paidAt,
                              Instant overdueAt, Instant cancelledAt, String cancellationReason, Instant createdAt,
                              Instant updatedAt, long version, List<PaymentAttemptResponse> payments) {

    /**
     * A computed line.
     *
     * @param netMinor   quantity × unit price
     * @param taxMinor   net × rate / 10000, rounded half up
     * @param totalMinor net + tax
     */
    public record LineResponse(int position, String description, long quantity, long unitPriceMinor,
                               int taxRateBasisPoints, long netMinor, long taxMinor, long totalMinor) {}

    /**
     * A payment attempt ("historial de intentos" of seed 004).
     *
     * @param method         CHECKOUT or PAYMENT_INTENT
     * @param status         OPEN, SUCCEEDED, FAILED, SUPERSEDED (a retry replaced it) or CANCELLED
     * @param stripeObjectId the Checkout Session ({@code cs_...}) or PaymentIntent ({@code pi_...})
     */
    public record PaymentAttemptResponse(int attemptNumber, String method, String status, String stripeObjectId,
                                         long amountMinor, String currency, String failureMessage,
                                         Instant createdAt, Instant updatedAt) {}

    static InvoiceResponse of(Invoice invoice, List<PaymentAttempt> attempts) {
        return new InvoiceResponse(invoice.id(), invoice.number(), invoice.status(), invoice.customerId(),
                invoice.customerName(), invoice.customerEmail(), invoice.customerAddress(), invoice.currency(),
                invoice.dueDate(), invoice.notes(),
                invoice.lines().stream().map(line -> new LineResponse(line.position(), line.description(),
                        line.quantity(), line.unitPriceMinor(), line.taxRateBasisPoints(), line.netMinor(),
                        line.taxMinor(), line.totalMinor())).toList(),
                invoice.subtotalMinor(), invoice.taxMinor(), invoice.totalMinor(), invoice.paidMinor(),
                invoice.refundedMinor(), invoice.issuedAt(), invoice.paidAt(), invoice.overdueAt(),
                invoice.cancelledAt(), invoice.cancellationReason(), invoice.createdAt(), invoice.updatedAt(),
                invoice.version(),
                attempts.stream().map(a -> new PaymentAttemptResponse(a.attemptNumber(), a.method().name(),
                        a.status().name(), a.stripeObjectId(), a.amountMinor(), a.currency(), a.failureMessage(),
                        a.createdAt(), a.updatedAt())).toList());
    }
}
