package io.colmena.events.billing;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An invoice was cancelled before being paid ({@code colmena.billing.invoice.cancelled}).
 *
 * @param number      its number, {@code null} when a draft (never numbered) was cancelled
 * @param reason      why, as the user gave it, or {@code null}
 * @param cancelledAt when
 */
public record InvoiceCancelled(UUID tenantId, UUID invoiceId, String number, UUID customerId, String reason,
                               Instant cancelledAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return invoiceId.toString();
    }
}
