package io.colmena.events.identity;

import io.colmena.events.DomainEvent;
import java.util.UUID;

/** A user's role changed ({@code colmena.identity.user.role-changed}). */
public record UserRoleChanged(UUID tenantId, UUID userId, String previousRole, String role) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
