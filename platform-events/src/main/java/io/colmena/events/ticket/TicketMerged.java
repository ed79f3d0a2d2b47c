package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was merged into another ({@code colmena.ticket.ticket.merged}): its messages moved to
 * {@code targetTicketId} and it was closed with a link to it. Keyed by the merged (source) ticket.
 *
 * @param movedMessages how many messages moved
 */
public record TicketMerged(UUID ticketId, UUID tenantId, UUID targetTicketId, int movedMessages, String mergedBy,
                           Instant mergedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
