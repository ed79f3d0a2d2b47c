package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock of a ticket ran past its target ({@code colmena.ticket.ticket.sla-breached}).
 * Published once per ticket and clock.
 *
 * @param clock         FIRST_RESPONSE or RESOLUTION
 * @param priority      the ticket's priority, whose policy set the target
 * @param targetMinutes the target in business minutes
 * @param dueAt         when the target was due
 * @param breachedAt    when ticket-service detected it (at or after {@code dueAt})
 */
public record TicketSlaBreached(UUID ticketId, UUID tenantId, String number, String clock, String priority,
                                int targetMinutes, Instant dueAt, Instant breachedAt, UUID assigneeId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
