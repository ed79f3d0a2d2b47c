package io.colmena.ticket.sla;

/** How urgent a ticket is; each priority selects the tenant's SLA policy of the same name. */
public enum Priority { LOW, MEDIUM, HIGH, URGENT }
