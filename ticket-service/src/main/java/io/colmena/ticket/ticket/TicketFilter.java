package io.colmena.ticket.ticket;

import io.colmena.ticket.sla.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Filters of {@code GET /api/tickets} and {@code GET /api/tickets/export.csv}; all optional and combined with AND.
 *
 * @param status              any of these statuses
 * @param priority            any of these priorities
 * @param text                case-insensitive substring of title, description or number ({@code TCK-000123})
 * @param createdFrom         created at or after (inclusive)
 * @param createdTo           created before (exclusive)
 */
public record TicketFilter(List<TicketStatus> status, List<Priority> priority, UUID assigneeId, UUID categoryId,
                    UUID requesterUserId, UUID requesterCustomerId, String tag, String text, Instant createdFrom,
                    Instant createdTo) {}
