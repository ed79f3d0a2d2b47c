package io.colmena.ticket.ticket;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A ticket's place in its lifecycle, with the explicit transition table (any move not listed is
 * refused with a 409 {@code invalid-status-transition} naming the allowed ones):
 *
 * <pre>
 * OPEN           → IN_PROGRESS, WAITING_CLIENT, RESOLVED, CLOSED
 * IN_PROGRESS    → WAITING_CLIENT, RESOLVED, CLOSED
 * WAITING_CLIENT → IN_PROGRESS, RESOLVED, CLOSED
 * RESOLVED       → IN_PROGRESS (reopen), CLOSED
 * CLOSED         → (final)
 * </pre>
 */
public enum TicketStatus {
    OPEN, IN_PROGRESS, WAITING_CLIENT, RESOLVED, CLOSED;

    private static final Map<TicketStatus, EnumSet<TicketStatus>> ALLOWED = new EnumMap<>(TicketStatus.class);

    static {
        ALLOWED.put(OPEN, EnumSet.of(IN_PROGRESS, WAITING_CLIENT, RESOLVED, CLOSED));
        ALLOWED.put(IN_PROGRESS, EnumSet.of(WAITING_CLIENT, RESOLVED, CLOSED));
        ALLOWED.put(WAITING_CLIENT, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED));
        ALLOWED.put(RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED));
        ALLOWED.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
    }

    /** The statuses this one may move to, in lifecycle order. */
    public Set<TicketStatus> allowedNext() {
        return EnumSet.copyOf(ALLOWED.get(this));
    }

    public boolean canMoveTo(TicketStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
