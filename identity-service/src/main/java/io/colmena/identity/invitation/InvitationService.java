package io.colmena.identity.invitation;

import io.colmena.events.identity.Plan;
import io.colmena.identity.config.IdentityProperties;
import io.colmena.identity.keycloak.KeycloakErrors;
import io.colmena.identity.keycloak.KeycloakUsers;
import io.colmena.identity.mail.IdentityMailer;
import io.colmena.identity.support.Caller;
import io.colmena.identity.support.Ids;
import io.colmena.identity.support.TenantScopedToken;
import io.colmena.identity.support.ValidationProblems;
import io.colmena.identity.tenant.PlanLimitProblems;
import io.colmena.identity.tenant.Tenant;
import io.colmena.identity.tenant.TenantService;
import io.colmena.identity.user.Membership;
import io.colmena.identity.user.UserRole;
import io.colmena.identity.user.UserService;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations: sent by a tenant's OWNER or ADMIN, accepted by following the e-mailed link.
 *
 * <p>The plan's user limit counts active users plus open (pending, unexpired) invitations, so a
 * tenant cannot invite past its plan; acceptance checks active users again in case the plan
 * shrank meanwhile. Over the limit is a 402 {@code plan-limit-reached} problem.
 */
@Service
public class InvitationService {

    private final InvitationRepository invitations;
    private final UserService users;
    private final TenantService tenants;
    private final KeycloakUsers keycloak;
    private final IdentityMailer mailer;
    private final IdentityProperties properties;
    private final Clock clock;

    public InvitationService(InvitationRepository invitations, UserService users, TenantService tenants,
                             KeycloakUsers keycloak, IdentityMailer mailer, IdentityProperties properties,
                             Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.tenants = tenants;
        this.keycloak = keycloak;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Invites someone to the bound tenant and e-mails the link. A pending invitation to the same
     * e-mail is replaced (its link stops working).
     *
     * @throws ProblemException 400 for role OWNER or a {@code customerId} that does not fit the role;
     *     403 when an ADMIN invites an ADMIN; 409 {@code already-a-member} or {@code email-taken}
     *     (the e-mail is a user of another tenant); 402 {@code plan-limit-reached}; 503 when the
     *     e-mail cannot be sent (nothing is kept)
     */
    @Transactional
    public InvitationResponse invite(InviteRequest request) {
        if (request.role() == UserRole.OWNER) {
            throw ValidationProblems.field("role", "must be ADMIN, AGENT or CLIENT; a tenant has exactly one owner");
        }
        UserService.checkCanManage(request.role(), request.role());
        UUID customerId = UserService.customerFor(request.role(), request.customerId());
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        if (users.emailInUse(email)) {
            throw ProblemException.conflict("already-a-member", email + " is already a user of this tenant");
        }
        if (keycloak.findByEmail(email).isPresent()) {
            throw KeycloakErrors.emailTaken(email);
        }
        Instant now = clock.instant();
        invitations.findPendingByEmail(email).ifPresent(previous -> {
            previous.revoke();
            invitations.saveAndFlush(previous);
        });
        UUID tenantId = TenantContext.require();
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> ProblemException.notFound("Tenant", tenantId));
        PlanLimitProblems.checkUsers(tenant.plan(), users.activeCount() + invitations.countOpen(now));
        TenantScopedToken token = TenantScopedToken.issue(tenantId);
        Invitation invitation = invitations.saveAndFlush(new Invitation(Ids.next(), email, request.name().strip(),
                request.role(), customerId, token.hash(), Caller.userId(), now,
                now.plus(properties.invitationValidity())));
        String inviter = users.find(Caller.userId()).map(Membership::name).orElse("A colleague");
        mailer.sendInvitation(tenant, email, invitation.name(), inviter, request.role().name(), token.text(),
                invitation.expiresAt());
        return InvitationResponse.of(invitation);
    }

    /** Open invitations of the bound tenant, oldest first. */
    @Transactional(readOnly = true)
    public List<InvitationResponse> open() {
        return invitations.findOpen(clock.instant()).stream().map(InvitationResponse::of).toList();
    }

    /** Revokes an invitation of the bound tenant: its link stops working. 404 when unknown. */
    @Transactional
    public void revoke(UUID id) {
        Invitation invitation = invitations.findById(id).orElseThrow(() -> ProblemException.notFound("Invitation", id));
        UserService.checkCanManage(invitation.role(), invitation.role());
        if (invitation.status() == Invitation.Status.PENDING) {
            invitation.revoke();
        }
    }

    /** What the link holder may see; bind the token's tenant first. Errors as {@link #pending}. */
    @Transactional(readOnly = true)
    public InvitationPreview preview(TenantScopedToken token) {
        Invitation invitation = pending(token);
        Tenant tenant = tenants.find(token.tenantId()).orElseThrow(() -> unknownInvitation());
        return new InvitationPreview(tenant.name(), invitation.email(), invitation.name(), invitation.role(),
                invitation.expiresAt());
    }

    /**
     * What accepting needs to know before the Keycloak user is made; checks the plan's user limit
     * against active users. Bind the token's tenant first.
     */
    @Transactional(readOnly = true)
    public AcceptedInvitation prepareAcceptance(TenantScopedToken token) {
        Invitation invitation = pending(token);
        Tenant tenant = tenants.find(token.tenantId()).orElseThrow(() -> unknownInvitation());
        Plan plan = tenant.plan();
        PlanLimitProblems.checkUsers(plan, users.activeCount());
        return new AcceptedInvitation(invitation.id(), invitation.email(), invitation.name(), invitation.role(),
                invitation.customerId());
    }

    /**
     * Records the acceptance: the user joins (UserCreated) and the invitation is spent. Fails with
     * 409 {@code invitation-not-pending} if another acceptance won the race.
     */
    @Transactional
    public void completeAcceptance(UUID invitationId, UUID userId, String name) {
        Invitation invitation = invitations.findById(invitationId)
                .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
        if (!invitation.pendingAt(clock.instant())) {
            throw notPending();
        }
        users.add(userId, invitation.email(), name, invitation.role(), invitation.customerId());
        invitation.accept(userId, clock.instant());
        invitations.saveAndFlush(invitation);
    }

    /**
     * An invitation being accepted.
     *
     * @param invitationId the invitation
     * @param email        the new user's login
     * @param name         the name the inviter gave
     * @param role         the role to grant
     * @param customerId   the CRM customer of a CLIENT user
     */
    public record AcceptedInvitation(UUID invitationId, String email, String name, UserRole role, UUID customerId) {}

    private Invitation pending(TenantScopedToken token) {
        Invitation invitation = invitations.findByTokenHash(token.hash()).orElseThrow(InvitationService::unknownInvitation);
        if (invitation.status() != Invitation.Status.PENDING) {
            throw notPending();
        }
        if (!invitation.expiresAt().isAfter(clock.instant())) {
            throw new ProblemException(HttpStatus.GONE, "invitation-expired", "Invitation expired",
                    "This invitation expired at " + invitation.expiresAt() + "; ask for a new one");
        }
        return invitation;
    }

    private static ProblemException unknownInvitation() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Resource not found",
                "No invitation matches this link");
    }

    private static ProblemException notPending() {
        return ProblemException.conflict("invitation-not-pending",
                "This invitation was already accepted or was revoked");
    }
}
