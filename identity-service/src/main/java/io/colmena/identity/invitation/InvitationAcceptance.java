package io.colmena.identity.invitation;

import io.colmena.identity.invitation.InvitationService.AcceptedInvitation;
import io.colmena.identity.keycloak.KeycloakUsers;
import io.colmena.identity.keycloak.OidcTokenClient;
import io.colmena.identity.keycloak.TokenSet;
import io.colmena.identity.support.Passwords;
import io.colmena.identity.support.TenantScopedToken;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Accepting an invitation from its e-mailed link, without a token: the link's tenant is bound, the
 * invitation checked, the Keycloak user made (password, role, {@code tenant_id}, {@code customer_id}),
 * then the membership written; if that last step fails the Keycloak user is removed again. The new
 * user is logged in at once.
 */
@Component
public class InvitationAcceptance {

    private final InvitationService invitations;
    private final KeycloakUsers keycloak;
    private final OidcTokenClient oidc;

    public InvitationAcceptance(InvitationService invitations, KeycloakUsers keycloak, OidcTokenClient oidc) {
        this.invitations = invitations;
        this.keycloak = keycloak;
        this.oidc = oidc;
    }

    /** The invitation behind {@code tokenText}; 404 for an unknown link, 409 when spent, 410 when expired. */
    public InvitationPreview preview(String tokenText) {
        TenantScopedToken token = parse(tokenText);
        return TenantContext.callAs(token.tenantId(), () -> invitations.preview(token));
    }

    /**
     * Accepts and returns the new user's tokens.
     *
     * @throws ProblemException 400 when the password breaks the policy (nothing is created); 402 when
     *     the plan has no room; 404/409/410 as {@link #preview}; 409 {@code email-taken}
     */
    public TokenSet accept(String tokenText, AcceptInvitationRequest request) {
        TenantScopedToken token = parse(tokenText);
        Passwords.check("password", request.password());
        String email = TenantContext.callAs(token.tenantId(), () -> {
            AcceptedInvitation invitation = invitations.prepareAcceptance(token);
            String name = request.name() == null || request.name().isBlank() ? invitation.name() : request.name().strip();
            UUID userId = keycloak.create(new KeycloakUsers.NewUser(invitation.email(), name, request.password(),
                    "password", token.tenantId(), invitation.role().realmRole(), invitation.customerId()));
            try {
                invitations.completeAcceptance(invitation.invitationId(), userId, name);
            } catch (RuntimeException e) {
                keycloak.delete(userId);
                throw e;
            }
            return invitation.email();
        });
        return oidc.password(email, request.password());
    }

    private static TenantScopedToken parse(String tokenText) {
        return TenantScopedToken.parse(tokenText).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "not-found", "Resource not found", "No invitation matches this link"));
    }
}
