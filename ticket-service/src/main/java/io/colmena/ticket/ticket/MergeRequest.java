package io.colmena.ticket.ticket;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Merges the ticket of the path into {@code targetTicketId} ({@code POST /api/tickets/{id}/merge}). */
public record MergeRequest(@NotNull UUID targetTicketId) {}
