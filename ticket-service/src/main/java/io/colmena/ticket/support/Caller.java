package io.colmena.ticket.support;

import io.colmena.platform.security.CurrentUser;
import io.colmena.platform.security.Roles;
import io.colmena.platform.web.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Who is calling, as ticket-service needs it: staff (OWNER, ADMIN, AGENT) work every ticket of their
 * tenant; CLIENT users see and act on the tickets they requested ({@code requesterUserId = sub}).
 *
 * @param subject    the token's {@code sub}
 * @param tenantId   the token's {@code tenant_id}, if any
 * @param staff      has OWNER, ADMIN or AGENT
 * @param customerId the token's {@code customer_id} (CLIENT users)
 */
public record Caller(String subject, Optional<UUID> tenantId, boolean staff, Optional<UUID> customerId) {

    /** The caller of the current request (the endpoints all require a valid token). */
    public static Caller current() {
        CurrentUser user = CurrentUser.get().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED,
                "unauthenticated", "Unauthenticated", "A valid access token is required"));
        boolean staff = user.hasRole(Roles.OWNER) || user.hasRole(Roles.ADMIN) || user.hasRole(Roles.AGENT);
        return new Caller(user.subject(), user.tenantId(), staff, user.customerId());
    }

    /** Not staff: a CLIENT (or any other tenant user), who only reaches their own tickets. */
    public boolean client() {
        return !staff;
    }

    /** The caller's user id ({@code sub} as a UUID), if it is one. */
    public Optional<UUID> userId() {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Refuses a staff-only action with a 403 problem. */
    public void requireStaff() {
        if (!staff) {
            throw forbidden("Only staff (OWNER, ADMIN, AGENT) may do this");
        }
    }

    /** The caller's tenant; a token without one cannot create tenant data (403). */
    public UUID requireTenant() {
        return tenantId.orElseThrow(() -> forbidden("This action needs a user of a tenant"));
    }

    /** A 403 problem with {@code detail}. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
