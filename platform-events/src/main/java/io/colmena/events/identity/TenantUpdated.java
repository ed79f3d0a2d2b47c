package io.colmena.events.identity;

import io.colmena.events.DomainEvent;
import java.util.UUID;

/**
 * A tenant's profile changed ({@code colmena.identity.tenant.updated}).
 *
 * @param locale   BCP 47 language tag, e.g. {@code es-ES}
 * @param timezone IANA time zone, e.g. {@code Europe/Madrid}
 */
public record TenantUpdated(UUID tenantId, String name, String industry, String locale, String timezone)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return tenantId.toString();
    }
}
