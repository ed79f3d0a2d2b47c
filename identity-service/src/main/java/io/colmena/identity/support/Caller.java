package io.colmena.identity.support;

import io.colmena.platform.security.CurrentUser;
import io.colmena.platform.web.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The authenticated caller of the current request, as identity-service needs it. */
public final class Caller {

    private Caller() {}

    /** The caller; a request without a valid token never reaches a controller, so absence is a bug. */
    public static CurrentUser current() {
        return CurrentUser.get().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }

    /** The caller's Keycloak user id ({@code sub}). */
    public static UUID userId() {
        return UUID.fromString(current().subject());
    }

    /**
     * The caller's tenant ({@code tenant_id}).
     *
     * @throws ProblemException 403 {@code no-tenant} for a token bound to no tenant (a platform operator)
     */
    public static UUID tenantId() {
        return current().tenantId().orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "no-tenant",
                "No tenant", "Your token is not bound to a tenant, and this resource belongs to one"));
    }
}
