package io.colmena.identity.user;

import io.colmena.events.identity.UserCreated;
import io.colmena.events.identity.UserDeactivated;
import io.colmena.events.identity.UserRoleChanged;
import io.colmena.identity.keycloak.KeycloakUsers;
import io.colmena.identity.mail.IdentityMailer;
import io.colmena.identity.support.Caller;
import io.colmena.identity.support.ValidationProblems;
import io.colmena.identity.tenant.Tenant;
import io.colmena.identity.tenant.TenantService;
import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.security.CurrentUser;
import io.colmena.platform.security.Roles;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bound tenant's users. The database change and the Keycloak change run in one method: the
 * row is written (and flushed) first and Keycloak is called before commit, so a Keycloak failure
 * rolls the row back and nothing half-done stays.
 *
 * <p>Who may manage whom: an OWNER manages every other user; an ADMIN manages AGENT and CLIENT
 * users only and cannot grant ADMIN; nobody changes their own role or deactivates themselves; the
 * OWNER's role is not changed and the OWNER is not deactivated here; the OWNER hands the tenant
 * over with {@link #transferOwnership}.
 */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final MembershipRepository memberships;
    private final TenantService tenants;
    private final KeycloakUsers keycloak;
    private final EventOutbox outbox;
    private final IdentityMailer mailer;
    private final Clock clock;

    public UserService(MembershipRepository memberships, TenantService tenants, KeycloakUsers keycloak,
                       EventOutbox outbox, IdentityMailer mailer, Clock clock) {
        this.memberships = memberships;
        this.tenants = tenants;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
    }

    /**
     * Records a new user of the bound tenant (already made in Keycloak) and publishes UserCreated.
     */
    @Transactional
    public Membership add(UUID userId, String email, String name, UserRole role, UUID customerId) {
        Membership membership = memberships.saveAndFlush(
                new Membership(userId, email, name, role, customerId, clock.instant()));
        outbox.publish(new UserCreated(TenantContext.require(), userId, email, name, role.realmRole(), customerId));
        return membership;
    }

    /** Users of the bound tenant, filtered by {@code role}, {@code status} and {@code q} (name or e-mail). */
    @Transactional(readOnly = true)
    public Page<UserResponse> list(UserRole role, MembershipStatus status, String q, Pageable pageable) {
        Specification<Membership> specification = (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (role != null) {
                predicates.add(cb.equal(root.get("role"), role));
            }
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (q != null && !q.isBlank()) {
                String like = "%" + q.strip().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                predicates.add(cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                        cb.like(cb.lower(root.get("email")), like, '\\')));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        return memberships.findAll(specification, pageable).map(UserResponse::of);
    }

    /** One user of the bound tenant; 404 for an unknown id or another tenant's user. */
    @Transactional(readOnly = true)
    public UserResponse get(UUID id) {
        return UserResponse.of(require(id));
    }

    /** The membership of {@code id} in the bound tenant, if any. */
    @Transactional(readOnly = true)
    public Optional<Membership> find(UUID id) {
        return memberships.findById(id);
    }

    /** Active users of the bound tenant (they count against the plan's user limit). */
    @Transactional(readOnly = true)
    public long activeCount() {
        return memberships.countByStatus(MembershipStatus.ACTIVE);
    }

    /** Whether the bound tenant already has a user with {@code email}. */
    @Transactional(readOnly = true)
    public boolean emailInUse(String email) {
        return memberships.findByEmail(email).isPresent();
    }

    /** Notes a successful login. */
    @Transactional
    public void recordLogin(UUID id) {
        memberships.findById(id).ifPresent(membership -> membership.loggedIn(clock.instant()));
    }

    /**
     * Renames a user and, for a CLIENT user, changes its CRM customer.
     *
     * @throws ProblemException 400 when {@code customerId} is given for a user that is not CLIENT or
     *     missing for one that is; 403 when the caller may not manage this user; 404 when unknown
     */
    @Transactional
    public UserResponse update(UUID id, UpdateUserRequest request) {
        Membership membership = require(id);
        if (!Caller.userId().equals(id)) {
            checkCanManage(membership.role(), null);
        }
        UUID customerId = customerFor(membership.role(), request.customerId());
        membership.rename(request.name().strip(), customerId, clock.instant());
        memberships.saveAndFlush(membership);
        keycloak.updateProfile(id, membership.name(), customerId);
        return UserResponse.of(membership);
    }

    /**
     * Gives a user another role and publishes UserRoleChanged; OWNER cannot be given or taken here.
     *
     * @throws ProblemException 400 for role OWNER or a CLIENT without {@code customerId}; 403 when the
     *     caller may not; 409 {@code cannot-change-own-role}; 404 when unknown
     */
    @Transactional
    public UserResponse changeRole(UUID id, ChangeRoleRequest request) {
        if (request.role() == UserRole.OWNER) {
            throw ValidationProblems.field("role", "OWNER cannot be granted; a tenant has exactly one owner");
        }
        if (Caller.userId().equals(id)) {
            throw ProblemException.conflict("cannot-change-own-role", "You cannot change your own role");
        }
        Membership membership = require(id);
        checkCanManage(membership.role(), request.role());
        if (!membership.active()) {
            throw ProblemException.conflict("user-deactivated", "User " + id + " is deactivated");
        }
        UserRole previous = membership.role();
        UUID customerId = customerFor(request.role(), request.customerId());
        if (previous == request.role() && java.util.Objects.equals(customerId, membership.customerId())) {
            return UserResponse.of(membership);
        }
        membership.changeRole(request.role(), customerId, clock.instant());
        memberships.saveAndFlush(membership);
        if (previous != request.role()) {
            keycloak.changeRole(id, previous.realmRole(), request.role().realmRole());
        }
        keycloak.updateProfile(id, membership.name(), customerId);
        if (previous != request.role()) {
            outbox.publish(new UserRoleChanged(TenantContext.require(), id, previous.realmRole(),
                    request.role().realmRole()));
        }
        return UserResponse.of(membership);
    }

    /**
     * Deactivates a user: disabled in Keycloak with all sessions ended, kept here as DEACTIVATED, and
     * UserDeactivated published. Deactivating an already deactivated user changes nothing.
     *
     * @throws ProblemException 403 when the caller may not; 409 {@code cannot-deactivate-self} or
     *     {@code cannot-deactivate-owner}; 404 when unknown
     */
    @Transactional
    public void deactivate(UUID id) {
        if (Caller.userId().equals(id)) {
            throw ProblemException.conflict("cannot-deactivate-self", "You cannot deactivate yourself");
        }
        Membership membership = require(id);
        if (membership.role() == UserRole.OWNER) {
            throw ProblemException.conflict("cannot-deactivate-owner", "The tenant's owner cannot be deactivated");
        }
        checkCanManage(membership.role(), null);
        if (!membership.active()) {
            return;
        }
        membership.deactivate(clock.instant());
        memberships.saveAndFlush(membership);
        keycloak.disable(id);
        outbox.publish(new UserDeactivated(TenantContext.require(), id));
    }

    /**
     * Makes {@code newOwnerId} the tenant's OWNER and the calling OWNER an ADMIN, in the database
     * and in Keycloak, makes the new owner's e-mail the tenant's contact e-mail (what platform
     * operators see), publishes UserRoleChanged for both and, once committed, e-mails both of
     * them in the tenant's language. A tenant keeps exactly one owner
     * throughout (the database refuses a second one). Both users' tokens carry their new roles from
     * their next refresh or login; tokens issued before keep the old role until they expire.
     * The caller's identity (and password) must already have been confirmed.
     *
     * @throws ProblemException 404 when the user is unknown or another tenant's; 409
     *     {@code already-owner} for the caller themselves, {@code user-deactivated}, or
     *     {@code owner-must-be-staff} for a CLIENT user
     */
    @Transactional
    public OwnershipTransfer transferOwnership(UUID newOwnerId) {
        UUID callerId = Caller.userId();
        if (callerId.equals(newOwnerId)) {
            throw ProblemException.conflict("already-owner", "You already own this organization");
        }
        Membership next = require(newOwnerId);
        if (!next.active()) {
            throw ProblemException.conflict("user-deactivated", "User " + newOwnerId + " is deactivated");
        }
        if (next.role() == UserRole.CLIENT) {
            throw ProblemException.conflict("owner-must-be-staff",
                    "A client-portal user cannot own the organization; choose an ADMIN or AGENT");
        }
        Membership owner = require(callerId);
        if (owner.role() != UserRole.OWNER) {
            throw forbidden("Only the owner can transfer the ownership");
        }
        UserRole nextPrevious = next.role();
        // The owner steps down first: the database allows one OWNER per tenant at any moment.
        owner.changeRole(UserRole.ADMIN, null, clock.instant());
        memberships.saveAndFlush(owner);
        next.changeRole(UserRole.OWNER, null, clock.instant());
        memberships.saveAndFlush(next);
        UUID tenantId = TenantContext.require();
        Tenant tenant = tenants.changeContactEmail(tenantId, next.email());
        keycloak.changeRole(newOwnerId, nextPrevious.realmRole(), UserRole.OWNER.realmRole());
        try {
            keycloak.changeRole(callerId, UserRole.OWNER.realmRole(), UserRole.ADMIN.realmRole());
        } catch (RuntimeException e) {
            // The rows roll back; put the new owner's Keycloak role back too, so nobody is left with two owners.
            keycloak.changeRole(newOwnerId, UserRole.OWNER.realmRole(), nextPrevious.realmRole());
            throw e;
        }
        outbox.publish(new UserRoleChanged(tenantId, callerId, UserRole.OWNER.realmRole(), UserRole.ADMIN.realmRole()));
        outbox.publish(new UserRoleChanged(tenantId, newOwnerId, nextPrevious.realmRole(), UserRole.OWNER.realmRole()));
        noticeAfterCommit(tenant, owner, next, clock.instant());
        return new OwnershipTransfer(UserResponse.of(next), UserResponse.of(owner));
    }

    /**
     * Once the transfer is committed, e-mails both people. A notice that cannot be sent is logged
     * and neither undoes the transfer, which has happened, nor turns its answer into an error.
     */
    private void noticeAfterCommit(Tenant tenant, Membership previousOwner, Membership newOwner, Instant at) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (Membership recipient : List.of(newOwner, previousOwner)) {
                    try {
                        mailer.sendOwnershipTransferred(tenant, recipient.email(), recipient == newOwner,
                                previousOwner.name(), newOwner.name(), at);
                    } catch (RuntimeException e) {
                        // The transfer is committed and stands: the caller must not get an error for it.
                        log.warn("Ownership of tenant {} moved, but the notice to user {} was not sent: {}",
                                tenant.id(), recipient.id(), e.getMessage());
                    }
                }
            }
        });
    }

    private Membership require(UUID id) {
        return memberships.findById(id).orElseThrow(() -> ProblemException.notFound("User", id));
    }

    /** Refuses (403) when the caller may not manage a user of {@code targetRole} (or grant {@code newRole}). */
    public static void checkCanManage(UserRole targetRole, UserRole newRole) {
        CurrentUser caller = Caller.current();
        if (caller.hasRole(Roles.OWNER)) {
            if (targetRole == UserRole.OWNER) {
                throw forbidden("The owner's role cannot be changed");
            }
            return;
        }
        if (caller.hasRole(Roles.ADMIN)) {
            boolean managesTarget = targetRole == UserRole.AGENT || targetRole == UserRole.CLIENT;
            boolean grantsAllowed = newRole == null || newRole == UserRole.AGENT || newRole == UserRole.CLIENT;
            if (managesTarget && grantsAllowed) {
                return;
            }
            throw forbidden("An ADMIN manages AGENT and CLIENT users only");
        }
        throw forbidden("Your role does not allow this action");
    }

    public static UUID customerFor(UserRole role, UUID customerId) {
        if (role == UserRole.CLIENT && customerId == null) {
            throw ValidationProblems.field("customerId", "is required for a CLIENT user (the CRM customer it is)");
        }
        if (role != UserRole.CLIENT && customerId != null) {
            throw ValidationProblems.field("customerId", "is only for CLIENT users");
        }
        return customerId;
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
