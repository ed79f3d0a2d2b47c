package io.colmena.ticket.ticket;

import io.colmena.ticket.sla.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Replaces a ticket's editable fields ({@code PUT /api/tickets/{id}} with {@code If-Match}). Status and
 * assignee have their own endpoints. A CLIENT may change title and description only: the other fields
 * must repeat the current values.
 *
 * @param tags {@code null} or absent means no tags
 */
public record UpdateTicketRequest(@NotBlank @Size(max = 200) String title,
                                  @NotBlank @Size(max = 20_000) String description,
                                  @NotNull Priority priority,
                                  UUID categoryId,
                                  @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {}
