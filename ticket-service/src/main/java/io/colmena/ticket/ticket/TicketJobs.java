package io.colmena.ticket.ticket;

import io.colmena.platform.tenancy.TenantContext;
import io.colmena.ticket.sla.ClockKind;
import io.colmena.ticket.support.Timers;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled work of ticket-service, driven by {@code ticket_timer} and the injected {@link Clock}:
 * SLA breach detection and the auto-close reminder and close of tickets waiting for the client.
 * Each due timer is handled in its own transaction with its tenant bound; a failure leaves the timer
 * in place for the next run. Safe with several replicas: breaches lock the clock row and are unique
 * per clock, auto-close steps are guarded by the ticket's optimistic lock, so a second runner's
 * transaction (and its outbox events) rolls back.
 */
@Component
public class TicketJobs {

    private static final Logger log = LoggerFactory.getLogger(TicketJobs.class);
    private static final int BATCH = 200;

    private final Timers timers;
    private final TicketService tickets;
    private final Clock clock;

    TicketJobs(Timers timers, TicketService tickets, Clock clock) {
        this.timers = timers;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Every {@code colmena.ticket.jobs.interval} (default 30 s). */
    @Scheduled(fixedDelayString = "${colmena.ticket.jobs.interval:PT30S}",
            initialDelayString = "${colmena.ticket.jobs.initial-delay:PT10S}")
    public void runScheduled() {
        runDue();
    }

    /** Handles every timer due now; returns how many it handled without error. */
    public int runDue() {
        List<Timers.Due> due = timers.due(clock.instant(), List.of(Timers.Kind.values()), BATCH);
        int done = 0;
        for (Timers.Due timer : due) {
            try {
                TenantContext.runAs(timer.tenantId(), () -> handle(timer));
                done++;
            } catch (RuntimeException e) {
                log.warn("Timer {} of ticket {} failed; it stays for the next run", timer.kind(), timer.ticketId(), e);
            }
        }
        return done;
    }

    private void handle(Timers.Due timer) {
        switch (timer.kind()) {
            case SLA_FIRST_RESPONSE -> tickets.breachIfDue(timer.ticketId(), ClockKind.FIRST_RESPONSE);
            case SLA_RESOLUTION -> tickets.breachIfDue(timer.ticketId(), ClockKind.RESOLUTION);
            case AUTO_CLOSE_REMINDER, AUTO_CLOSE -> tickets.autoCloseStep(timer.ticketId(), timer.kind());
        }
    }
}
