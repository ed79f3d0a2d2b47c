package io.colmena.events.identity;

import io.colmena.events.DomainEvent;
import java.util.UUID;

/** A user can no longer sign in ({@code colmena.identity.user.deactivated}). */
public record UserDeactivated(UUID tenantId, UUID userId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
