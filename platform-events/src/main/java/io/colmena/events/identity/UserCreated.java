package io.colmena.events.identity;

import io.colmena.events.DomainEvent;
import java.util.UUID;

/**
 * A user joined a tenant ({@code colmena.identity.user.created}).
 *
 * @param userId     the Keycloak user id (the token's {@code sub})
 * @param role       PLATFORM_ADMIN, OWNER, ADMIN, AGENT or CLIENT
 * @param customerId the CRM customer a CLIENT user is, otherwise {@code null}
 */
public record UserCreated(UUID tenantId, UUID userId, String email, String name, String role, UUID customerId)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
