package io.colmena.identity.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A user of the tenant.
 *
 * @param id          Keycloak user id (the {@code sub} of its tokens)
 * @param email       login e-mail
 * @param name        full name
 * @param role        OWNER, ADMIN, AGENT or CLIENT
 * @param customerId  the CRM customer a CLIENT user is, else {@code null}
 * @param status      ACTIVE or DEACTIVATED
 * @param createdAt   when the user joined
 * @param lastLoginAt last login through {@code POST /api/auth/login}, if any
 */
public record UserResponse(UUID id, String email, String name, UserRole role, UUID customerId,
                           MembershipStatus status, Instant createdAt, Instant lastLoginAt) {

    static UserResponse of(Membership membership) {
        return new UserResponse(membership.id(), membership.email(), membership.name(), membership.role(),
                membership.customerId(), membership.status(), membership.createdAt(), membership.lastLoginAt());
    }
}
