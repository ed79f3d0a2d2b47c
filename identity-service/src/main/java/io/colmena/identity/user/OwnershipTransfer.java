package io.colmena.identity.user;

/**
 * The answer of an ownership transfer ({@code POST /api/tenants/current/transfer-ownership}).
 *
 * @param owner         the new OWNER
 * @param previousOwner the former owner, now an ADMIN
 */
public record OwnershipTransfer(UserResponse owner, UserResponse previousOwner) {}
