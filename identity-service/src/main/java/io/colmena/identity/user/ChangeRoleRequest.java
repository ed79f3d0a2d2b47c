package io.colmena.identity.user;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A new role ({@code PUT /api/users/{id}/role}).
 *
 * @param role       ADMIN, AGENT or CLIENT
 * @param customerId the CRM customer, required when {@code role} is CLIENT
 */
public record ChangeRoleRequest(@NotNull UserRole role, UUID customerId) {}
