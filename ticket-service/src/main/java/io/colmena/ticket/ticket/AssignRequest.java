package io.colmena.ticket.ticket;

import java.util.UUID;

/**
 * Sets a ticket's assignee ({@code PUT /api/tickets/{id}/assignee}).
 *
 * @param assigneeId an active OWNER, ADMIN or AGENT of the tenant (or the caller), or {@code null} to unassign
 */
public record AssignRequest(UUID assigneeId) {}
