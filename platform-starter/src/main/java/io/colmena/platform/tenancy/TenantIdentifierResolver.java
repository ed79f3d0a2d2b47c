package io.colmena.platform.tenancy;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Feeds Hibernate's {@code @TenantId} discriminator from {@link TenantContext}: entities get the
 * bound tenant on insert and every query is filtered by it. With no tenant bound the resolver
 * answers {@link #NO_TENANT}, which matches no row, so forgetting to bind fails closed.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    /** The identifier used when no tenant is bound; no tenant ever has it. */
    public static final UUID NO_TENANT = new UUID(0L, 0L);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return TenantContext.current().orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
