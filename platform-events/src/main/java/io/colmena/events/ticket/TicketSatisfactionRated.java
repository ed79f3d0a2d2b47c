package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The requester rated a resolved ticket ({@code colmena.ticket.ticket.satisfaction-rated}); once per ticket.
 *
 * @param score   1 (very unhappy) to 5 (very happy)
 * @param comment free text, or {@code null}
 */
public record TicketSatisfactionRated(UUID ticketId, UUID tenantId, UUID assigneeId, int score, String comment,
                                      String ratedBy, Instant ratedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
