package io.colmena.identity.invitation;

import io.colmena.identity.user.UserRole;
import java.time.Instant;

/**
 * What the person holding an invitation link may see before accepting it.
 *
 * @param tenantName the business that invites
 * @param email      the login the account will have
 * @param name       the name the inviter gave
 * @param role       the role it grants
 * @param expiresAt  until when it can be accepted
 */
public record InvitationPreview(String tenantName, String email, String name, UserRole role, Instant expiresAt) {}
