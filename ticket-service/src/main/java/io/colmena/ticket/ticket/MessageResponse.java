package io.colmena.ticket.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket message.
 *
 * @param authorId           the token {@code sub} of whoever posted it
 * @param mergedFromTicketId the ticket it was written on, when it moved here by a merge
 */
public record MessageResponse(UUID id, UUID ticketId, AuthorType authorType, String authorId, String body,
                              boolean internal, Instant createdAt, UUID mergedFromTicketId) {

    static MessageResponse of(TicketMessage message) {
        return new MessageResponse(message.id(), message.ticketId(), message.authorType(), message.authorId(),
                message.body(), message.internal(), message.createdAt(), message.mergedFromTicketId());
    }
}
