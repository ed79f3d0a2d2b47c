package io.colmena.identity.user;

/** Whether a user may still log in: DEACTIVATED users are disabled in Keycloak. */
public enum MembershipStatus {
    ACTIVE, DEACTIVATED
}
