package io.colmena.gateway.tenant;

import java.util.UUID;

/**
 * The standing of a tenant could not be learned from identity-service.
 */
public final class TenantLookupException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** identity-service answered 404: the token's tenant does not exist (any more). */
        UNKNOWN_TENANT,
        /** identity-service could not be reached, was too slow, or answered something unusable. */
        IDENTITY_UNAVAILABLE
    }

    private final Reason reason;

    TenantLookupException(Reason reason, UUID tenantId, String message, Throwable cause) {
        super("Tenant " + tenantId + ": " + message, cause);
        this.reason = reason;
    }

    /** Why the lookup failed. */
    public Reason reason() {
        return reason;
    }
}
