package io.colmena.identity.invitation;

import io.colmena.identity.user.UserRole;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as its tenant's managers see it (the token is never shown: it is only e-mailed).
 *
 * @param id         invitation id
 * @param email      invitee's e-mail
 * @param name       invitee's name
 * @param role       the role it grants
 * @param customerId the CRM customer of a CLIENT invitation
 * @param status     PENDING, ACCEPTED or REVOKED
 * @param createdAt  when it was sent
 * @param expiresAt  until when it can be accepted
 */
public record InvitationResponse(UUID id, String email, String name, UserRole role, UUID customerId,
                                 String status, Instant createdAt, Instant expiresAt) {

    static InvitationResponse of(Invitation invitation) {
        return new InvitationResponse(invitation.id(), invitation.email(), invitation.name(), invitation.role(),
                invitation.customerId(), invitation.status().name(), invitation.createdAt(), invitation.expiresAt());
    }
}
