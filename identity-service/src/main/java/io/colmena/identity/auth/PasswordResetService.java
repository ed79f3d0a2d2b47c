package io.colmena.identity.auth;

import io.colmena.identity.config.IdentityProperties;
import io.colmena.identity.keycloak.KeycloakUsers;
import io.colmena.identity.mail.IdentityMailer;
import io.colmena.identity.support.Ids;
import io.colmena.identity.support.Passwords;
import io.colmena.identity.support.TenantScopedToken;
import io.colmena.identity.tenant.Tenant;
import io.colmena.identity.tenant.TenantService;
import io.colmena.identity.user.Membership;
import io.colmena.identity.user.UserService;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords. {@link #requestReset} answers at once, whether or not the e-mail belongs to
 * anyone, and does the work on another thread, so neither the answer nor its timing tells an
 * e-mail's existence (OWASP Forgot Password Cheat Sheet). A link is single use, expires after
 * {@code colmena.identity.password-reset-validity} and replaces the user's earlier links; using it
 * ends all the user's sessions.
 */
@Service
public class PasswordResetService {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

    private final PasswordResetTokenRepository tokens;
    private final UserService users;
    private final KeycloakUsers keycloak;
    private final IdentityMailer mailer;
    private final TenantService tenants;
    private final IdentityProperties properties;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final Clock clock;

    public PasswordResetService(PasswordResetTokenRepository tokens, UserService users, KeycloakUsers keycloak,
                                IdentityMailer mailer, TenantService tenants, IdentityProperties properties,
                                TransactionTemplate transactions, TaskExecutor applicationTaskExecutor, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.keycloak = keycloak;
        this.mailer = mailer;
        this.tenants = tenants;
        this.properties = properties;
        this.transactions = transactions;
        this.executor = applicationTaskExecutor;
        this.clock = clock;
    }

    /** Starts sending a reset link to {@code email} if it is an active user's; returns at once. */
    public void requestReset(String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        executor.execute(() -> {
            try {
                sendLink(normalized);
            } catch (RuntimeException e) {
                log.warn("Could not send a password-reset link: {}", e.getMessage());
            }
        });
    }

    /**
     * Sets a new password with a link's token and ends the user's sessions.
     *
     * @throws ProblemException 400 {@code invalid-reset-token} for an unknown, used or expired token;
     *     400 {@code validation} on {@code newPassword} when it breaks the policy (the token stays usable)
     */
    public void reset(String tokenText, String newPassword) {
        Passwords.check("newPassword", newPassword);
        TenantScopedToken token = TenantScopedToken.parse(tokenText).orElseThrow(PasswordResetService::invalidToken);
        TenantContext.runAs(token.tenantId(), () -> transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            PasswordResetToken reset = tokens.findByTokenHash(token.hash())
                    .filter(candidate -> candidate.usableAt(now))
                    .orElseThrow(PasswordResetService::invalidToken);
            if (users.find(reset.userId()).filter(Membership::active).isEmpty()) {
                throw invalidToken();
            }
            keycloak.resetPassword(reset.userId(), newPassword, "newPassword");
            reset.use(now);
            tokens.saveAndFlush(reset);
            keycloak.logoutEverywhere(reset.userId());
        }));
    }

    private void sendLink(String email) {
        Optional<KeycloakUsers.FoundUser> found = keycloak.findByEmail(email)
                .filter(KeycloakUsers.FoundUser::enabled)
                .filter(user -> user.tenantId().isPresent());
        if (found.isEmpty()) {
            log.info("Password reset asked for an e-mail without an active tenant user; nothing sent");
            return;
        }
        KeycloakUsers.FoundUser user = found.get();
        TenantContext.runAs(user.tenantId().get(), () -> transactions.executeWithoutResult(status -> {
            Optional<Membership> membership = users.find(user.id()).filter(Membership::active);
            if (membership.isEmpty()) {
                log.info("Password reset asked for user {} without an active membership; nothing sent", user.id());
                return;
            }
            Instant now = clock.instant();
            tokens.spendAll(user.id(), now);
            TenantScopedToken token = TenantScopedToken.issue(user.tenantId().get());
            Instant expiresAt = now.plus(properties.passwordResetValidity());
            tokens.saveAndFlush(new PasswordResetToken(Ids.next(), user.id(), token.hash(), now, expiresAt));
            Tenant tenant = tenants.find(user.tenantId().get()).orElseThrow();
            mailer.sendPasswordReset(tenant, membership.get().email(), membership.get().name(), token.text(), expiresAt);
        }));
    }

    private static ProblemException invalidToken() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-reset-token", "Invalid reset link",
                "This password-reset link is unknown, was already used or has expired; ask for a new one");
    }
}
