package io.colmena.ticket.sla;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket's SLA as {@code GET /api/tickets/{id}/sla} shows it. Minutes are business minutes of the
 * tenant's calendar (rounded down); instants are UTC.
 *
 * @param asOf     the instant the figures were computed at
 * @param timeZone the tenant's business-hours time zone
 * @param clocks   one per clock the ticket has (none when its priority had no policy)
 * @param events   every clock change, oldest first
 */
public record SlaView(UUID ticketId, Instant asOf, String timeZone, List<ClockView> clocks, List<EventView> events) {

    /**
     * @param elapsedBusinessMinutes   business time consumed so far
     * @param remainingBusinessMinutes target minus consumed; negative once overdue
     * @param dueAt                    when the target is reached if the clock keeps running ({@code null} while paused)
     * @param breached                 the target was missed (recorded, or overdue now)
     */
    public record ClockView(ClockKind kind, ClockState state, Priority priority, int targetMinutes,
                            long elapsedBusinessMinutes, long remainingBusinessMinutes, Instant dueAt,
                            boolean breached, Instant breachedAt, Instant stoppedAt) {}

    /**
     * @param elapsedBusinessMinutes business time the clock had consumed at that moment
     * @param dueAt                  the due time in force after the change (for BREACHED, MET and STOPPED: the one that applied)
     */
    public record EventView(ClockKind clock, ClockEventKind kind, Instant occurredAt, Instant dueAt,
                            long elapsedBusinessMinutes, int targetMinutes) {}
}
