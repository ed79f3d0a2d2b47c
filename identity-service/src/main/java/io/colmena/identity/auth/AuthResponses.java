package io.colmena.identity.auth;

import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of {@code /api/auth/**} other than tokens ({@link io.colmena.identity.keycloak.TokenSet}). */
public final class AuthResponses {

    private AuthResponses() {}

    /**
     * The caller ({@code GET /api/auth/me}).
     *
     * @param userId     {@code sub}
     * @param email      login e-mail
     * @param name       full name
     * @param roles      the caller's platform roles (PLATFORM_ADMIN, OWNER, ADMIN, AGENT, CLIENT)
     * @param customerId the CRM customer of a CLIENT user
     * @param tenant     the caller's tenant, {@code null} for a token without {@code tenant_id}
     */
    public record Me(UUID userId, String email, String name, List<String> roles, UUID customerId, TenantSummary tenant) {}

    /**
     * @param id     tenant id
     * @param name   business name
     * @param plan   its plan
     * @param status its status
     */
    public record TenantSummary(UUID id, String name, Plan plan, TenantStatus status) {}

    /**
     * One login session of the caller (a Keycloak user session).
     *
     * @param id           session id; {@code DELETE /api/auth/sessions/{id}} ends it
     * @param ipAddress    where it was opened from
     * @param startedAt    when it was opened
     * @param lastAccessAt when a token was last issued or refreshed in it
     * @param current      whether the calling access token belongs to it
     */
    public record Session(String id, String ipAddress, Instant startedAt, Instant lastAccessAt, boolean current) {}
}
