package io.colmena.events.billing;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A tenant issued an invoice to one of its customers ({@code colmena.billing.invoice.issued}): it
 * left DRAFT, got its per-tenant number and its lines are frozen.
 *
 * @param invoiceId  the invoice
 * @param number     its human number, {@code INV-<year>-<6 digits>}, unique per tenant
 * @param customerId the CRM customer billed
 * @param currency   ISO 4217 code, upper case
 * @param totalMinor total including tax, in minor units of {@code currency}
 * @param dueDate    the date by which it must be paid
 * @param issuedAt   when it was issued
 */
public record InvoiceIssued(UUID tenantId, UUID invoiceId, String number, UUID customerId, String currency,
                            long totalMinor, LocalDate dueDate, Instant issuedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
