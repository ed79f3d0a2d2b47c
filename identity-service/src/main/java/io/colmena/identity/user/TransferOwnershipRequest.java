package io.colmena.identity.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Hands the organization to another of its users ({@code POST /api/tenants/current/transfer-ownership}).
 *
 * @param userId          the user who becomes OWNER: an active ADMIN or AGENT of the same tenant
 * @param currentPassword the calling owner's password, confirmed again because the change cannot be
 *                        undone by the caller
 */
public record TransferOwnershipRequest(@NotNull UUID userId, @NotBlank String currentPassword) {}
