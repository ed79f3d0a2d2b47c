package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's assignee changed ({@code colmena.ticket.ticket.assigned}).
 *
 * @param assigneeId         the staff user now working it, or {@code null} when it was unassigned
 * @param previousAssigneeId who had it before, or {@code null}
 * @param assignedBy         the user who made the change
 */
public record TicketAssigned(UUID ticketId, UUID tenantId, UUID assigneeId, UUID previousAssigneeId,
                             String assignedBy, Instant assignedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
