package io.colmena.events.identity;

/**
 * A tenant's standing (seed 002). TRIAL and ACTIVE tenants are served; SUSPENDED (for example
 * unpaid) and BANNED tenants are refused at the gateway with a 403 problem.
 */
public enum TenantStatus {
    TRIAL, ACTIVE, SUSPENDED, BANNED;

    /** Whether the tenant's users and partner clients may call the API. */
    public boolean served() {
        return this == TRIAL || this == ACTIVE;
    }
}
