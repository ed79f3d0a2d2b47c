package io.colmena.identity.user;

import io.colmena.platform.security.Roles;

/**
 * The roles a tenant's user can have (realm roles of the same name). PLATFORM_ADMIN is not among
 * them: operators belong to no tenant and are made in Keycloak by the platform's own operators.
 */
public enum UserRole {
    /** Registered the business; exactly one per tenant. */
    OWNER(Roles.OWNER),
    /** Manages the tenant's users (except the owner and other admins), settings and partner clients. */
    ADMIN(Roles.ADMIN),
    /** Staff: tickets, conversations, CRM. */
    AGENT(Roles.AGENT),
    /** A client-portal user linked to one CRM customer. */
    CLIENT(Roles.CLIENT);

    private final String realmRole;

    UserRole(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The Keycloak realm role. */
    public String realmRole() {
        return realmRole;
    }
}
