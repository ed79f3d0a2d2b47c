package io.colmena.ticket.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/** A message on a ticket. Internal notes are never shown to CLIENT users. */
@Entity
@Table(name = "ticket_message")
class TicketMessage {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "ticket_id", nullable = false)
    private UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_type", nullable = false, updatable = false)
    private AuthorType authorType;

    @Column(name = "author_id", nullable = false, updatable = false)
    private String authorId;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(nullable = false, updatable = false)
    private boolean internal;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "merged_from_ticket_id")
    private UUID mergedFromTicketId;

    protected TicketMessage() {}

    TicketMessage(UUID ticketId, AuthorType authorType, String authorId, String body, boolean internal, Instant now) {
        this.ticketId = ticketId;
        this.authorType = authorType;
        this.authorId = authorId;
        this.body = body;
        this.internal = internal;
        this.createdAt = now;
    }

    UUID id() { return id; }
    UUID ticketId() { return ticketId; }
    AuthorType authorType() { return authorType; }
    String authorId() { return authorId; }
    String body() { return body; }
    boolean internal() { return internal; }
    Instant createdAt() { return createdAt; }
    UUID mergedFromTicketId() { return mergedFromTicketId; }
}
