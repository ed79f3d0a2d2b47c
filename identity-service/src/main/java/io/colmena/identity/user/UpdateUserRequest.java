package io.colmena.identity.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * New profile of a user ({@code PUT /api/users/{id}}).
 *
 * @param name       full name, up to 120 characters
 * @param customerId the CRM customer of a CLIENT user (required for CLIENT, refused otherwise)
 */
public record UpdateUserRequest(@NotBlank @Size(max = 120) String name, UUID customerId) {}
