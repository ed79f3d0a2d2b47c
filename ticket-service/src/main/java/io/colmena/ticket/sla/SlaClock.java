package io.colmena.ticket.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/**
 * One SLA clock of one ticket. Business time consumed so far is {@code elapsedSeconds} plus, while
 * RUNNING, the business time since {@code runningSince}; {@code dueAt} is when the target is reached
 * if the clock keeps running.
 */
@Entity
@Table(name = "ticket_sla_clock")
class SlaClock {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ClockKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "target_minutes", nullable = false)
    private int targetMinutes;

    @Column(name = "elapsed_seconds", nullable = false)
    private long elapsedSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClockState state;

    @Column(name = "running_since")
    private Instant runningSince;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "breached_at")
    private Instant breachedAt;

    @Column(name = "stopped_at")
    private Instant stoppedAt;

    @Version
    private long version;

    protected SlaClock() {}

    SlaClock(UUID ticketId, ClockKind kind, Priority priority, int targetMinutes) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.priority = priority;
        this.targetMinutes = targetMinutes;
        this.state = ClockState.PAUSED;
    }

    /** Business time consumed up to {@code at}. */
    Duration consumed(Instant at, BusinessCalendar calendar) {
        Duration consumed = Duration.ofSeconds(elapsedSeconds);
        if (state == ClockState.RUNNING && runningSince != null) {
            consumed = consumed.plus(calendar.between(runningSince, at));
        }
        return consumed;
    }

    Duration target() {
        return Duration.ofMinutes(targetMinutes);
    }

    /** Starts or resumes counting at {@code at}; the due time is what is left of the target, in business time. */
    void run(Instant at, BusinessCalendar calendar) {
        Duration left = target().minusSeconds(elapsedSeconds);
        state = ClockState.RUNNING;
        runningSince = at;
        stoppedAt = null;
        dueAt = calendar.plus(at, left.isNegative() ? Duration.ZERO : left);
    }

    /** Whether the clock is running and its due time has passed at {@code at} without a recorded breach. */
    boolean overdueAt(Instant at) {
        return state == ClockState.RUNNING && breachedAt == null && dueAt != null && dueAt.isBefore(at);
    }

    void markBreached(Instant at) {
        breachedAt = at;
    }

    /** Stops counting for a while (the ticket waits for the client). */
    void pause(Instant at, BusinessCalendar calendar) {
        elapsedSeconds = consumed(at, calendar).toSeconds();
        state = ClockState.PAUSED;
        runningSince = null;
        dueAt = null;
    }

    /** Stops for good: MET when within target and never breached, otherwise STOPPED. */
    void stop(Instant at, BusinessCalendar calendar, boolean goalReached) {
        elapsedSeconds = consumed(at, calendar).toSeconds();
        runningSince = null;
        stoppedAt = at;
        state = goalReached && breachedAt == null && elapsedSeconds <= target().toSeconds()
                ? ClockState.MET : ClockState.STOPPED;
    }

    /** A new target (the ticket's priority changed); a running clock gets a new due time. */
    void retarget(Priority newPriority, int newTargetMinutes, Instant at, BusinessCalendar calendar) {
        boolean running = state == ClockState.RUNNING;
        if (running) {
            elapsedSeconds = consumed(at, calendar).toSeconds();
        }
        priority = newPriority;
        targetMinutes = newTargetMinutes;
        if (running) {
            run(at, calendar);
        }
    }

    UUID ticketId() {
        return ticketId;
    }

    ClockKind kind() {
        return kind;
    }

    Priority priority() {
        return priority;
    }

    int targetMinutes() {
        return targetMinutes;
    }

    long elapsedSeconds() {
        return elapsedSeconds;
    }

    ClockState state() {
        return state;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant breachedAt() {
        return breachedAt;
    }

    Instant stoppedAt() {
        return stoppedAt;
    }
}
