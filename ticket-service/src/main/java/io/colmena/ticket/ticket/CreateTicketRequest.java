package io.colmena.ticket.ticket;

import io.colmena.ticket.sla.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Opens a ticket ({@code POST /api/tickets}).
 *
 * @param title               1–200 characters
 * @param description         1–20,000 characters
 * @param priority            LOW, MEDIUM (default), HIGH or URGENT
 * @param categoryId          an active category of the tenant, optional
 * @param channel             PORTAL (default for CLIENT users), EMAIL, WHATSAPP or API (default for staff)
 * @param tags                staff only; up to 20, each up to 50 characters (stored trimmed and lower-case)
 * @param requesterUserId     staff only: the CLIENT user the ticket is for, optional (CLIENT users are always their own requester)
 * @param requesterCustomerId staff only and required for them: the CRM customer (CLIENT users: their {@code customer_id})
 */
public record CreateTicketRequest(@NotBlank @Size(max = 200) String title,
                                  @NotBlank @Size(max = 20_000) String description,
                                  Priority priority,
                                  UUID categoryId,
                                  Channel channel,
                                  @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
                                  UUID requesterUserId,
                                  UUID requesterCustomerId) {}
