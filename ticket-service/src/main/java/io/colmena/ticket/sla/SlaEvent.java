package io.colmena.ticket.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/** One row of a ticket's SLA trail ({@code ticket_event}): a clock changed. Written once, never updated. */
@Entity
@Immutable
@Table(name = "ticket_event")
class SlaEvent {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "ticket_id", nullable = false)
    private UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClockKind clock;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClockEventKind kind;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "elapsed_seconds", nullable = false)
    private long elapsedSeconds;

    @Column(name = "target_minutes", nullable = false)
    private int targetMinutes;

    protected SlaEvent() {}

    SlaEvent(SlaClock clock, ClockEventKind kind, Instant occurredAt, Instant dueAt, long elapsedSeconds) {
        this.ticketId = clock.ticketId();
        this.clock = clock.kind();
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.dueAt = dueAt;
        this.elapsedSeconds = elapsedSeconds;
        this.targetMinutes = clock.targetMinutes();
    }

    ClockKind clock() {
        return clock;
    }

    ClockEventKind kind() {
        return kind;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    Instant dueAt() {
        return dueAt;
    }

    long elapsedSeconds() {
        return elapsedSeconds;
    }

    int targetMinutes() {
        return targetMinutes;
    }
}
