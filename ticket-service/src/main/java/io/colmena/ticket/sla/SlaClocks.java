package io.colmena.ticket.sla;

import io.colmena.ticket.support.Timers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of tickets. Every change of a clock is written to the ticket's SLA trail
 * ({@code ticket_event}) and keeps the clock's breach timer in {@code ticket_timer} in step, all in
 * the caller's transaction (the ticket's own), with the ticket's tenant bound.
 *
 * <p>Rules: clocks start when the ticket is created if its priority has a policy; both pause while
 * the ticket is WAITING_CLIENT and resume when it leaves that status; FIRST_RESPONSE stops (MET) at
 * the first public human staff reply; RESOLUTION stops (MET) when the ticket is RESOLVED and runs
 * again if it is reopened; closing stops whatever still runs. A clock whose due time has passed
 * breaches exactly once: the first of the breach job or a stop/pause that notices it records it and
 * reports a {@link Breach} for the caller to publish in the same transaction.
 */
@Service
public class SlaClocks {

    /** A clock breached now; the caller publishes {@code TicketSlaBreached} for it in the same transaction. */
    public record Breach(ClockKind clock, Priority priority, int targetMinutes, Instant dueAt, Instant breachedAt) {}

    private final SlaClockRepository clocks;
    private final SlaEventRepository events;
    private final SlaPolicies policies;
    private final BusinessCalendars calendars;
    private final Timers timers;

    SlaClocks(SlaClockRepository clocks, SlaEventRepository events, SlaPolicies policies, BusinessCalendars calendars,
              Timers timers) {
        this.clocks = clocks;
        this.events = events;
        this.policies = policies;
        this.calendars = calendars;
        this.timers = timers;
    }

    /** Starts the clocks of a new ticket (none when its priority has no policy). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(UUID ticketId, Priority priority, Instant at) {
        policies.find(priority).ifPresent(policy -> {
            BusinessCalendar calendar = calendars.current();
            for (ClockKind kind : ClockKind.values()) {
                startClock(ticketId, kind, policy, at, calendar);
            }
        });
    }

    /** Pauses the running clocks (the ticket now waits for the client). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Breach> pause(UUID ticketId, Instant at) {
        BusinessCalendar calendar = calendars.current();
        List<Breach> breaches = new ArrayList<>();
        for (SlaClock clock : clocks.findByTicketIdOrderByKind(ticketId)) {
            if (clock.state() == ClockState.RUNNING) {
                detectBreach(clock, at, calendar, breaches);
                clock.pause(at, calendar);
                record(clock, ClockEventKind.PAUSED, at, null, calendar);
                timers.cancel(ticketId, timerOf(clock.kind()));
            }
        }
        return breaches;
    }

    /** Resumes the paused clocks (the ticket no longer waits for the client). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resume(UUID ticketId, Instant at) {
        BusinessCalendar calendar = calendars.current();
        for (SlaClock clock : clocks.findByTicketIdOrderByKind(ticketId)) {
            if (clock.state() == ClockState.PAUSED) {
                runAndRecord(clock, ClockEventKind.RESUMED, at, calendar);
            }
        }
    }

    /**
     * Stops one clock because its goal was reached (first response given, ticket resolved): MET when
     * within target, STOPPED when it had breached.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Breach> reach(UUID ticketId, ClockKind kind, Instant at) {
        List<Breach> breaches = new ArrayList<>();
        clocks.findByTicketIdAndKind(ticketId, kind).filter(clock -> clock.state().active())
                .ifPresent(clock -> stop(clock, at, true, breaches));
        return breaches;
    }

    /** Stops every clock still counting (the ticket was closed or resolved without reaching their goal). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Breach> stopAll(UUID ticketId, Instant at) {
        List<Breach> breaches = new ArrayList<>();
        for (SlaClock clock : clocks.findByTicketIdOrderByKind(ticketId)) {
            if (clock.state().active()) {
                stop(clock, at, false, breaches);
            }
        }
        return breaches;
    }

    /** A resolved ticket was reopened: its RESOLUTION clock counts again from what it had consumed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reopen(UUID ticketId, Instant at) {
        clocks.findByTicketIdAndKind(ticketId, ClockKind.RESOLUTION)
                .filter(clock -> !clock.state().active())
                .ifPresent(clock -> runAndRecord(clock, ClockEventKind.RESUMED, at, calendars.current()));
    }

    /**
     * The ticket's priority changed: active clocks take the new priority's targets (a running clock gets
     * a new due time); a ticket that had no clocks gets them now if the new priority has a policy
     * ({@code firstResponseGiven} skips FIRST_RESPONSE, {@code waiting} starts them paused). Clocks are
     * left as they are when the new priority has no policy.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Breach> changePriority(UUID ticketId, Priority priority, Instant at, boolean firstResponseGiven,
                                       boolean waiting) {
        List<Breach> breaches = new ArrayList<>();
        Optional<SlaPolicies.SlaPolicy> policy = policies.find(priority);
        if (policy.isEmpty()) {
            return breaches;
        }
        BusinessCalendar calendar = calendars.current();
        List<SlaClock> existing = clocks.findByTicketIdOrderByKind(ticketId);
        if (existing.isEmpty()) {
            for (ClockKind kind : ClockKind.values()) {
                if (kind == ClockKind.FIRST_RESPONSE && firstResponseGiven) {
                    continue;
                }
                SlaClock clock = startClock(ticketId, kind, policy.get(), at, calendar);
                if (waiting) {
                    clock.pause(at, calendar);
                    record(clock, ClockEventKind.PAUSED, at, null, calendar);
                    timers.cancel(ticketId, timerOf(kind));
                }
            }
            return breaches;
        }
        for (SlaClock clock : existing) {
            if (clock.state().active() && (clock.priority() != priority
                    || clock.targetMinutes() != policy.get().target(clock.kind()))) {
                detectBreach(clock, at, calendar, breaches);
                clock.retarget(priority, policy.get().target(clock.kind()), at, calendar);
                record(clock, ClockEventKind.RETARGETED, at, clock.dueAt(), calendar);
                if (clock.state() == ClockState.RUNNING) {
                    timers.set(ticketId, timerOf(clock.kind()), clock.dueAt());
                }
            }
        }
        return breaches;
    }

    /**
     * Records the breach of a running clock whose due time has passed at {@code now}, once: the clock
     * row is locked, the breach is written to the clock and the trail (whose unique index allows one
     * breach per clock) in the caller's transaction. Keeps the clock's timer in step either way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Breach> breachIfDue(UUID ticketId, ClockKind kind, Instant now) {
        Optional<SlaClock> found = clocks.findByTicketIdAndKind(ticketId, kind);
        if (found.isEmpty()) {
            timers.cancel(ticketId, timerOf(kind));
            return Optional.empty();
        }
        SlaClock clock = found.get();
        List<Breach> breaches = new ArrayList<>();
        detectBreach(clock, now, calendars.current(), breaches);
        if (clock.state() == ClockState.RUNNING && clock.breachedAt() == null) {
            timers.set(ticketId, timerOf(kind), clock.dueAt());
        } else {
            timers.cancel(ticketId, timerOf(kind));
        }
        return breaches.stream().findFirst();
    }

    /** The clocks and trail of a ticket as of {@code now}. */
    @Transactional(readOnly = true)
    public SlaView view(UUID ticketId, Instant now) {
        BusinessCalendar calendar = calendars.current();
        List<SlaView.ClockView> clockViews = clocks.readByTicketIdOrderByKind(ticketId).stream().map(clock -> {
            long consumed = clock.consumed(now, calendar).toSeconds();
            long remaining = clock.target().toSeconds() - consumed;
            return new SlaView.ClockView(clock.kind(), clock.state(), clock.priority(), clock.targetMinutes(),
                    Math.floorDiv(consumed, 60), Math.floorDiv(remaining, 60), clock.dueAt(),
                    clock.breachedAt() != null || clock.overdueAt(now), clock.breachedAt(), clock.stoppedAt());
        }).toList();
        List<SlaView.EventView> trail = events.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId).stream()
                .map(event -> new SlaView.EventView(event.clock(), event.kind(), event.occurredAt(), event.dueAt(),
                        Math.floorDiv(event.elapsedSeconds(), 60), event.targetMinutes()))
                .toList();
        return new SlaView(ticketId, now, calendar.zone().getId(), clockViews, trail);
    }

    private SlaClock startClock(UUID ticketId, ClockKind kind, SlaPolicies.SlaPolicy policy, Instant at,
                                BusinessCalendar calendar) {
        SlaClock clock = clocks.save(new SlaClock(ticketId, kind, policy.priority(), policy.target(kind)));
        runAndRecord(clock, ClockEventKind.STARTED, at, calendar);
        return clock;
    }

    private void runAndRecord(SlaClock clock, ClockEventKind kind, Instant at, BusinessCalendar calendar) {
        clock.run(at, calendar);
        record(clock, kind, at, clock.dueAt(), calendar);
        if (clock.breachedAt() == null) {
            timers.set(clock.ticketId(), timerOf(clock.kind()), clock.dueAt());
        }
    }

    private void stop(SlaClock clock, Instant at, boolean goalReached, List<Breach> breaches) {
        BusinessCalendar calendar = calendars.current();
        detectBreach(clock, at, calendar, breaches);
        Instant due = clock.dueAt();
        clock.stop(at, calendar, goalReached);
        record(clock, clock.state() == ClockState.MET ? ClockEventKind.MET : ClockEventKind.STOPPED, at, due, calendar);
        timers.cancel(clock.ticketId(), timerOf(clock.kind()));
    }

    private void detectBreach(SlaClock clock, Instant at, BusinessCalendar calendar, List<Breach> breaches) {
        if (clock.overdueAt(at)) {
            clock.markBreached(at);
            events.save(new SlaEvent(clock, ClockEventKind.BREACHED, at, clock.dueAt(),
                    clock.consumed(at, calendar).toSeconds()));
            breaches.add(new Breach(clock.kind(), clock.priority(), clock.targetMinutes(), clock.dueAt(), at));
        }
    }

    private void record(SlaClock clock, ClockEventKind kind, Instant at, Instant dueAt, BusinessCalendar calendar) {
        events.save(new SlaEvent(clock, kind, at, dueAt, clock.consumed(at, calendar).toSeconds()));
    }

    private static Timers.Kind timerOf(ClockKind kind) {
        return kind == ClockKind.FIRST_RESPONSE ? Timers.Kind.SLA_FIRST_RESPONSE : Timers.Kind.SLA_RESOLUTION;
    }
}
