package io.colmena.ticket.sla;

/** The changes of an SLA clock recorded in the ticket's SLA trail. */
public enum ClockEventKind { STARTED, PAUSED, RESUMED, BREACHED, MET, STOPPED, RETARGETED }
