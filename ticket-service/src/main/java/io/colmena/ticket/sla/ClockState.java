package io.colmena.ticket.sla;

/**
 * Where an SLA clock stands: RUNNING (counting business time), PAUSED (the ticket waits for the
 * client), MET (stopped within its target) or STOPPED (stopped after a breach, or because the ticket
 * closed without reaching the clock's goal). Whether it breached is told separately ({@code breachedAt}).
 */
public enum ClockState { RUNNING, PAUSED, MET, STOPPED;

    boolean active() {
        return this == RUNNING || this == PAUSED;
    }
}
