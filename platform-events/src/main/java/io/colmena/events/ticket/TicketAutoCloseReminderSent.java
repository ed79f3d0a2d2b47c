package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket has waited for the client long enough that it will be closed at {@code closesAt} unless
 * the client replies ({@code colmena.ticket.ticket.auto-close-reminder-sent}); messaging-service
 * turns it into a notification to the requester.
 */
public record TicketAutoCloseReminderSent(UUID ticketId, UUID tenantId, String number, String title,
                                          UUID requesterUserId, UUID requesterCustomerId, Instant waitingSince,
                                          Instant closesAt, Instant remindedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
