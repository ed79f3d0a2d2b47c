package io.colmena.events.billing;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An issued invoice passed its due date unpaid ({@code colmena.billing.invoice.overdue}); consumers
 * send reminders.
 *
 * @param totalMinor amount owed, in minor units of {@code currency}
 * @param dueDate    the due date that passed
 * @param overdueAt  when billing-service's overdue job marked it
 */
public record InvoiceOverdue(UUID tenantId, UUID invoiceId, String number, UUID customerId, String currency,
                             long totalMinor, LocalDate dueDate, Instant overdueAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
