package io.colmena.ticket.ticket;

import io.colmena.ticket.sla.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket. {@code version} is also sent as the {@code ETag}; send it back in {@code If-Match} to edit.
 *
 * @param number             the tenant's human number, {@code TCK-000123}
 * @param allowedTransitions the statuses it may move to now (see {@link TicketStatus})
 * @param waitingSince       when it started waiting for the client (WAITING_CLIENT only)
 * @param autoCloseAt        when it closes by itself unless the client replies (WAITING_CLIENT with auto-close on)
 * @param mergedIntoId       the ticket it was merged into, if any
 * @param satisfaction       the requester's rating, once given
 */
public record TicketResponse(UUID id, String number, String title, String description, TicketStatus status,
                             Set<TicketStatus> allowedTransitions, Priority priority, UUID categoryId,
                             String categoryName, UUID requesterUserId, UUID requesterCustomerId, UUID assigneeId,
                             Channel channel, List<String> tags, String createdBy, Instant createdAt,
                             Instant updatedAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
                             Instant waitingSince, Instant autoCloseAt, UUID mergedIntoId,
                             Satisfaction satisfaction, long version) {

    /** A satisfaction rating: score 1–5, optional comment. */
    public record Satisfaction(int score, String comment, Instant ratedAt) {}

    static TicketResponse of(Ticket ticket, String categoryName) {
        Satisfaction satisfaction = ticket.satisfactionScore() == null ? null
                : new Satisfaction(ticket.satisfactionScore(), ticket.satisfactionComment(), ticket.satisfactionRatedAt());
        return new TicketResponse(ticket.id(), ticket.displayNumber(), ticket.title(), ticket.description(),
                ticket.status(), ticket.status().allowedNext(), ticket.priority(), ticket.categoryId(), categoryName,
                ticket.requesterUserId(), ticket.requesterCustomerId(), ticket.assigneeId(), ticket.channel(),
                ticket.tags(), ticket.createdBy(), ticket.createdAt(), ticket.updatedAt(), ticket.firstResponseAt(),
                ticket.resolvedAt(), ticket.closedAt(), ticket.waitingSince(), ticket.autoCloseAt(),
                ticket.mergedIntoId(), satisfaction, ticket.version());
    }
}
