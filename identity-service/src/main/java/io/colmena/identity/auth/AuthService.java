package io.colmena.identity.auth;

import io.colmena.identity.auth.AuthResponses.Me;
import io.colmena.identity.auth.AuthResponses.Session;
import io.colmena.identity.auth.AuthResponses.TenantSummary;
import io.colmena.identity.keycloak.KeycloakUsers;
import io.colmena.identity.keycloak.OidcTokenClient;
import io.colmena.identity.keycloak.TokenSet;
import io.colmena.identity.support.Caller;
import io.colmena.identity.support.Ids;
import io.colmena.identity.support.Passwords;
import io.colmena.identity.support.ValidationProblems;
import io.colmena.identity.tenant.TenantService;
import io.colmena.identity.user.Membership;
import io.colmena.identity.user.UserRole;
import io.colmena.identity.user.UserService;
import io.colmena.platform.security.CurrentUser;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, login, token refresh and logout, the caller's profile, password change and
 * sessions. Keycloak holds credentials and sessions; this service keeps tenants and memberships.
 */
@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);
    private static final Set<String> PLATFORM_ROLES = Set.of("PLATFORM_ADMIN", "OWNER", "ADMIN", "AGENT", "CLIENT");

    private final KeycloakUsers keycloak;
    private final OidcTokenClient oidc;
    private final TenantService tenants;
    private final UserService users;
    private final TransactionTemplate transactions;
    private final JwtDecoder jwtDecoder;

    public AuthService(KeycloakUsers keycloak, OidcTokenClient oidc, TenantService tenants, UserService users,
                       TransactionTemplate transactions, JwtDecoder jwtDecoder) {
        this.keycloak = keycloak;
        this.oidc = oidc;
        this.tenants = tenants;
        this.users = users;
        this.transactions = transactions;
        this.jwtDecoder = jwtDecoder;
    }

    /**
     * Registers a business: a tenant in TRIAL on FREE and its OWNER (Keycloak user with
     * {@code tenant_id} and role OWNER, then the tenant and membership rows with TenantCreated and
     * UserCreated in one transaction), then logs the owner in. If the database half fails the
     * Keycloak user is removed again.
     *
     * @throws ProblemException 400 when the password breaks the realm policy; 409 {@code email-taken}
     */
    public TokenSet register(AuthRequests.Register request) {
        Passwords.check("password", request.password());
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        UUID tenantId = Ids.next();
        String ownerName = request.ownerName().strip();
        UUID ownerId = keycloak.create(new KeycloakUsers.NewUser(email, ownerName, request.password(), "password",
                tenantId, UserRole.OWNER.realmRole(), null));
        try {
            TenantContext.runAs(tenantId, () -> transactions.executeWithoutResult(status -> {
                tenants.register(tenantId, request.businessName(), request.industry(), email);
                users.add(ownerId, email, ownerName, UserRole.OWNER, null);
            }));
        } catch (RuntimeException e) {
            keycloak.delete(ownerId);
            throw e;
        }
        log.info("Registered tenant {} with owner {}", tenantId, ownerId);
        TokenSet tokens = oidc.password(email, request.password());
        recordLogin(tokens);
        return tokens;
    }

    /**
     * Logs in with e-mail and password; notes the login time on the membership.
     *
     * @throws ProblemException 401 {@code invalid-credentials}
     */
    public TokenSet login(AuthRequests.Login request) {
        TokenSet tokens = oidc.password(request.email().strip(), request.password());
        recordLogin(tokens);
        return tokens;
    }

    /** New tokens for a refresh token; 401 {@code invalid-refresh-token} when it no longer works. */
    public TokenSet refresh(String refreshToken) {
        return oidc.refresh(refreshToken);
    }

    /** Ends the session of {@code refreshToken}: it and the session's other refresh tokens stop working. */
    public void logout(String refreshToken) {
        oidc.logout(refreshToken);
    }

    /** The caller, its membership and tenant. */
    public Me me() {
        CurrentUser caller = Caller.current();
        Jwt jwt = jwt();
        List<String> roles = caller.roles().stream().filter(PLATFORM_ROLES::contains).toList();
        Optional<UUID> tenantId = caller.tenantId();
        Optional<Membership> membership = tenantId.flatMap(tenant -> users.find(UUID.fromString(caller.subject())));
        TenantSummary tenant = tenantId.flatMap(tenants::find)
                .map(t -> new TenantSummary(t.id(), t.name(), t.plan(), t.status())).orElse(null);
        String email = membership.map(Membership::email).orElse(jwt.getClaimAsString("email"));
        String name = membership.map(Membership::name).orElse(jwt.getClaimAsString("name"));
        return new Me(UUID.fromString(caller.subject()), email, name, roles, caller.customerId().orElse(null), tenant);
    }

    /**
     * Changes the caller's password after checking the current one with Keycloak (the check's
     * session is ended at once). Other sessions stay open.
     *
     * @throws ProblemException 400 on {@code currentPassword} when it is wrong; 400 on
     *     {@code newPassword} when it breaks the realm policy
     */
    public void changePassword(AuthRequests.ChangePassword request) {
        Passwords.check("newPassword", request.newPassword());
        confirmPassword("currentPassword", request.currentPassword());
        keycloak.resetPassword(Caller.userId(), request.newPassword(), "newPassword");
    }

    /**
     * Confirms that {@code password} is the caller's, by logging in with Keycloak (the check's
     * session is ended at once), before a change the caller cannot undo. Failed checks count
     * towards the realm's brute-force lockout like failed logins.
     *
     * @param field the request field that carried the password, named in the problem
     * @throws ProblemException 400 on {@code field} when the password is wrong
     */
    public void confirmPassword(String field, String password) {
        String username = jwt().getClaimAsString("preferred_username");
        TokenSet check;
        try {
            check = oidc.password(username, password);
        } catch (ProblemException e) {
            if (e.status().value() == 401) {
                throw ValidationProblems.field(field, "is not your current password");
            }
            throw e;
        }
        oidc.logout(check.refreshToken());
    }

    /** The caller's open sessions, oldest first, the current one marked. */
    public List<Session> sessions() {
        String current = jwt().getClaimAsString("sid");
        return keycloak.sessions(Caller.userId()).stream()
                .map(s -> new Session(s.id(), s.ipAddress(), s.startedAt(), s.lastAccessAt(), s.id().equals(current)))
                .toList();
    }

    /** Ends one of the caller's sessions; 404 when it is not one of theirs. */
    public void endSession(String sessionId) {
        boolean own = keycloak.sessions(Caller.userId()).stream().anyMatch(s -> s.id().equals(sessionId));
        if (!own) {
            throw ProblemException.notFound("Session", sessionId);
        }
        keycloak.deleteSession(sessionId);
    }

    private void recordLogin(TokenSet tokens) {
        try {
            CurrentUser user = CurrentUser.from(jwtDecoder.decode(tokens.accessToken()));
            user.tenantId().ifPresent(tenant -> TenantContext.runAs(tenant,
                    () -> users.recordLogin(UUID.fromString(user.subject()))));
        } catch (JwtException | IllegalArgumentException e) {
            log.warn("Could not read the access token Keycloak just issued: {}", e.getMessage());
        }
    }

    private static Jwt jwt() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken();
        }
        throw new IllegalStateException("No bearer token in this request");
    }
}
