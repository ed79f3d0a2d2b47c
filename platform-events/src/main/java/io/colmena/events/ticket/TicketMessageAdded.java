package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A message was added to a ticket ({@code colmena.ticket.ticket.message-added}). The text is not
 * carried; read it from ticket-service.
 *
 * @param authorType CLIENT, STAFF or AI
 * @param authorId   the token {@code sub} of whoever posted it (for AI: the staff user or service that relayed it)
 * @param internal   an internal note, never shown to CLIENT users
 */
public record TicketMessageAdded(UUID ticketId, UUID tenantId, UUID messageId, String authorType, String authorId,
                                 boolean internal, Instant addedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
