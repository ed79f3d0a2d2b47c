package io.colmena.platform.security;

/**
 * The platform's roles, carried in the token's {@code roles} claim and granted as
 * {@code ROLE_<name>} authorities (so {@code hasRole("OWNER")} works in method security).
 * Which role may do what is decided by each endpoint (method security) and listed in the
 * service's README section.
 */
public final class Roles {

    /** Colmena's own operators: every tenant, plans and statuses. */
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    /** The person who registered the business: everything in the tenant, billing included. */
    public static final String OWNER = "OWNER";
    /** Manages the tenant's users and settings. */
    public static final String ADMIN = "ADMIN";
    /** Staff who work tickets, conversations and customers. */
    public static final String AGENT = "AGENT";
    /** A client-portal user linked to one CRM customer: sees only what is theirs. */
    public static final String CLIENT = "CLIENT";

    private Roles() {}
}
