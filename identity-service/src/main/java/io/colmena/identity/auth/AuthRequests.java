package io.colmena.identity.auth;

import io.colmena.identity.tenant.Industry;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of {@code /api/auth/**}. Passwords carry only {@code @NotBlank} (so a rejected
 * value is never echoed); length and strength are the realm's password policy, checked by Keycloak
 * and reported as a 400 {@code validation} problem on the field.
 */
public final class AuthRequests {

    private AuthRequests() {}

    /**
     * Signing a business up ({@code POST /api/auth/register}).
     *
     * @param businessName the tenant's name, 2–120 characters
     * @param industry     industry code: lower-case letters, digits and dashes ({@code it-services})
     * @param ownerName    the owner's full name, up to 120 characters
     * @param email        the owner's e-mail and login
     * @param password     the owner's password (realm policy: 12+ characters, not the e-mail)
     */
    public record Register(@NotBlank @Size(min = 2, max = 120) String businessName,
                           @NotBlank @Pattern(regexp = Industry.PATTERN, message = Industry.MESSAGE) String industry,
                           @NotBlank @Size(max = 120) String ownerName,
                           @NotBlank @Email @Size(max = 254) String email,
                           @NotBlank String password) {

        @Override
        public String toString() {
            return "Register[businessName=" + businessName + ", email=" + email + "]";
        }
    }

    /** @param email login; @param password password */
    public record Login(@NotBlank String email, @NotBlank String password) {

        @Override
        public String toString() {
            return "Login[email=" + email + "]";
        }
    }

    /** @param refreshToken a refresh token from login, register or a previous refresh */
    public record Refresh(@NotBlank String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[****]";
        }
    }

    /**
     * @param currentPassword the password in use (checked with Keycloak; failures count towards brute-force lockout)
     * @param newPassword     the new one (realm policy)
     */
    public record ChangePassword(@NotBlank String currentPassword, @NotBlank String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[****]";
        }
    }

    /** @param email the account's e-mail */
    public record ForgotPassword(@NotBlank @Size(max = 254) String email) {}

    /** @param token the token of the e-mailed link; @param newPassword the new password (realm policy) */
    public record ResetPassword(@NotBlank @Size(max = 100) String token, @NotBlank String newPassword) {

        @Override
        public String toString() {
            return "ResetPassword[****]";
        }
    }
}
