package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket moved along its lifecycle ({@code colmena.ticket.ticket.status-changed}); statuses are
 * OPEN, IN_PROGRESS, WAITING_CLIENT, RESOLVED and CLOSED.
 *
 * @param changedBy the user who changed it, or {@code null} when ticket-service did (auto-close)
 * @param reason    why, when the service decided it: {@code client-replied}, {@code auto-closed},
 *                  {@code merged}; {@code null} for a manual change
 */
public record TicketStatusChanged(UUID ticketId, UUID tenantId, String number, String previousStatus, String status,
                                  String changedBy, String reason, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
