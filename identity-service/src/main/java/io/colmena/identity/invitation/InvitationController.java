package io.colmena.identity.invitation;

import io.colmena.identity.keycloak.TokenSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Invitations: sending and managing them ({@code /api/users/invite}, {@code /api/users/invitations},
 * OWNER and ADMIN) and following the e-mailed link ({@code /api/auth/invitations/{token}}, public:
 * the token in the path is the credential).
 */
@RestController
@Tag(name = "Users")
public class InvitationController {

    private final InvitationService invitations;
    private final InvitationAcceptance acceptance;

    public InvitationController(InvitationService invitations, InvitationAcceptance acceptance) {
        this.invitations = invitations;
        this.acceptance = acceptance;
    }

    /**
     * Invites a user by e-mail (OWNER; ADMIN for AGENT and CLIENT). 201 with the invitation;
     * 402 {@code plan-limit-reached} when the plan's user limit is used up (members plus open
     * invitations), naming {@code limit}, {@code usage} and {@code upgradeTo}; 409 when the e-mail
     * already has an account; 503 when the e-mail cannot be sent.
     */
    @PostMapping("/api/users/invite")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @Operation(summary = "Invite a user by e-mail (OWNER, ADMIN)")
    public ResponseEntity<InvitationResponse> invite(@Valid @RequestBody InviteRequest request) {
        InvitationResponse invitation = invitations.invite(request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/users/invitations/{id}").buildAndExpand(invitation.id()).toUri())
                .body(invitation);
    }

    /** Open (pending, unexpired) invitations of the tenant, oldest first (OWNER, ADMIN). */
    @GetMapping("/api/users/invitations")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @Operation(summary = "Open invitations (OWNER, ADMIN)")
    public List<InvitationResponse> open() {
        return invitations.open();
    }

    /** Revokes an invitation (OWNER, ADMIN); its link stops working. 204; 404 when unknown. */
    @DeleteMapping("/api/users/invitations/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an invitation (OWNER, ADMIN)")
    public void revoke(@PathVariable UUID id) {
        invitations.revoke(id);
    }

    /**
     * What an invitation link offers (public). 404 for an unknown link, 409
     * {@code invitation-not-pending} when accepted or revoked, 410 {@code invitation-expired}.
     */
    @GetMapping("/api/auth/invitations/{token}")
    @Operation(summary = "Show an invitation (public, by its e-mailed token)")
    public InvitationPreview preview(@PathVariable String token) {
        return acceptance.preview(token);
    }

    /**
     * Accepts an invitation (public): sets the password, creates the user with the invited role and
     * returns its tokens. Errors as the preview, plus 400 when the password breaks the realm's
     * policy and 402 when the plan has no room left.
     */
    @PostMapping("/api/auth/invitations/{token}/accept")
    @Operation(summary = "Accept an invitation and set the password (public)")
    public TokenSet accept(@PathVariable String token, @Valid @RequestBody AcceptInvitationRequest request) {
        return acceptance.accept(token, request);
    }
}
