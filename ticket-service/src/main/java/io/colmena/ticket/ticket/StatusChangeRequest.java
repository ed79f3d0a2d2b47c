package io.colmena.ticket.ticket;

import jakarta.validation.constraints.NotNull;

/** Moves a ticket along its lifecycle ({@code PUT /api/tickets/{id}/status}); see {@link TicketStatus} for the table. */
public record StatusChangeRequest(@NotNull TicketStatus status) {}
