package io.colmena.ticket.sla;

/**
 * The two SLA clocks of a ticket. FIRST_RESPONSE stops at the first public reply by a human staff
 * member (an AI reply or an internal note does not count); RESOLUTION stops when the ticket is RESOLVED.
 */
public enum ClockKind { FIRST_RESPONSE, RESOLUTION }
