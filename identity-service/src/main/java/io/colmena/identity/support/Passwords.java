package io.colmena.identity.support;

import io.colmena.platform.web.ProblemException;

/**
 * Checks on passwords that happen before Keycloak sees them. Keycloak's password policy (realm
 * {@code passwordPolicy}: length 12+, not the username, not the e-mail) decides the rest. Done by
 * hand rather than with bean validation so the rejected value is never echoed.
 */
public final class Passwords {

    /** Longer passwords are refused before hashing, to keep key derivation cheap. */
    public static final int MAX_LENGTH = 256;

    private Passwords() {}

    /**
     * @throws ProblemException 400 {@code validation} on {@code field} for a password over {@value #MAX_LENGTH} characters
     */
    public static String check(String field, String password) {
        if (password != null && password.length() > MAX_LENGTH) {
            throw ValidationProblems.field(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return password;
    }
}
