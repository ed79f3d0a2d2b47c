package io.colmena.ticket.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Adds a message ({@code POST /api/tickets/{id}/messages}).
 *
 * @param body       1–20,000 characters of plain text
 * @param authorType CLIENT (the only one CLIENT users may post, their default), STAFF (staff default) or AI (staff only)
 * @param internal   an internal note hidden from CLIENT users; staff only, default false
 */
public record MessageRequest(@NotBlank @Size(max = 20_000) String body, AuthorType authorType, Boolean internal) {}
