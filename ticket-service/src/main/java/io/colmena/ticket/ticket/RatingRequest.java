package io.colmena.ticket.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The requester's satisfaction with a RESOLVED ticket ({@code POST /api/tickets/{id}/rating}), once.
 *
 * @param score   1 (very unhappy) to 5 (very happy)
 * @param comment up to 2,000 characters, optional
 */
public record RatingRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2_000) String comment) {}
