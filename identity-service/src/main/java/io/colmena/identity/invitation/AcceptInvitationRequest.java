package io.colmena.identity.invitation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Accepting an invitation ({@code POST /api/auth/invitations/{token}/accept}).
 *
 * @param password the new account's password; the realm's password policy applies (at least 12
 *                 characters, not the e-mail); a violation is a 400 on {@code password}
 * @param name     the invitee's full name, if it should differ from the inviter's spelling
 */
public record AcceptInvitationRequest(@NotBlank String password, @Size(max = 120) String name) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "AcceptInvitationRequest[name=" + name + "]";
    }
}
