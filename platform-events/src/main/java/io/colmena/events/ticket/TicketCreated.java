package io.colmena.events.ticket;

import io.colmena.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A support ticket was opened ({@code colmena.ticket.ticket.created}).
 *
 * @param ticketId            the ticket (also the Kafka key)
 * @param number              the tenant's human number, {@code TCK-000123}
 * @param status              always {@code OPEN} for a new ticket
 * @param priority            LOW, MEDIUM, HIGH or URGENT
 * @param categoryId          the tenant-defined category, or {@code null}
 * @param requesterUserId     the CLIENT user who asked (token {@code sub}), or {@code null} when staff
 *                            opened it for a customer without a portal user
 * @param requesterCustomerId the CRM customer the ticket is for
 * @param channel             PORTAL, EMAIL, WHATSAPP or API
 * @param createdBy           the user (or service account) that created it
 */
public record TicketCreated(UUID ticketId, UUID tenantId, String number, String title, String status, String priority,
                            UUID categoryId, UUID requesterUserId, UUID requesterCustomerId, String channel,
                            List<String> tags, String createdBy, Instant createdAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
