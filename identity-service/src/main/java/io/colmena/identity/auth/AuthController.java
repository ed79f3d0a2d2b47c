package io.colmena.identity.auth;

import io.colmena.identity.keycloak.TokenSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing up, logging in and out, and the caller's own account ({@code /api/auth/**}). register,
 * login, refresh, forgot-password and reset-password are public; the rest need the caller's access
 * token. Tokens are Keycloak's (RS256 JWT access token, opaque-to-clients refresh token).
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Auth", description = "Registration, login, tokens, password and sessions")
public class AuthController {

    private final AuthService auth;
    private final PasswordResetService passwordReset;

    public AuthController(AuthService auth, PasswordResetService passwordReset) {
        this.auth = auth;
        this.passwordReset = passwordReset;
    }

    /**
     * Registers a business and its owner (public): a tenant in TRIAL on FREE for 14 days, an OWNER
     * user, and that user's tokens. 201; 400 {@code validation} (a password that breaks the realm's
     * policy says why on {@code password}); 409 {@code email-taken}.
     */
    @PostMapping("/register")
    @Operation(summary = "Register a business and its owner (public)")
    public ResponseEntity<TokenSet> register(@Valid @RequestBody AuthRequests.Register request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(auth.register(request));
    }

    /**
     * Logs in with e-mail and password (public). 401 {@code invalid-credentials} for a wrong pair,
     * a deactivated user, or one locked by Keycloak's brute-force protection.
     */
    @PostMapping("/login")
    @Operation(summary = "Log in (public)")
    public TokenSet login(@Valid @RequestBody AuthRequests.Login request) {
        return auth.login(request);
    }

    /** New tokens for a refresh token (public). 401 {@code invalid-refresh-token} when expired or logged out. */
    @PostMapping("/refresh")
    @Operation(summary = "Refresh tokens (public)")
    public TokenSet refresh(@Valid @RequestBody AuthRequests.Refresh request) {
        return auth.refresh(request.refreshToken());
    }

    /**
     * Logs out: ends the Keycloak session of the given refresh token, which (and whose session's
     * other refresh tokens) then stop working. 204, also for a token that was already invalid
     * (as RFC 7009 §2.2 does for revocation). Access tokens already issued expire on their own
     * (5 minutes).
     */
    @PostMapping("/logout")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Log out: revoke a refresh token's session")
    public void logout(@Valid @RequestBody AuthRequests.Refresh request) {
        auth.logout(request.refreshToken());
    }

    /** The caller: id, e-mail, name, roles, CRM customer, and tenant with plan and status. */
    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller")
    public AuthResponses.Me me() {
        return auth.me();
    }

    /**
     * Changes the caller's password. 204; 400 on {@code currentPassword} when it is wrong, on
     * {@code newPassword} when it breaks the realm's policy.
     */
    @PutMapping("/password")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the caller's password")
    public void changePassword(@Valid @RequestBody AuthRequests.ChangePassword request) {
        auth.changePassword(request);
    }

    /**
     * Asks for a password-reset e-mail (public). Always 202, whether or not the e-mail belongs to
     * anyone; the link arrives only if it does, and works once for an hour.
     */
    @PostMapping("/forgot-password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password-reset e-mail (public, always 202)")
    public void forgotPassword(@Valid @RequestBody AuthRequests.ForgotPassword request) {
        passwordReset.requestReset(request.email());
    }

    /**
     * Sets a new password with the e-mailed token (public) and ends every session of the user.
     * 204; 400 {@code invalid-reset-token}; 400 {@code validation} on {@code newPassword}.
     */
    @PostMapping("/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reset the password with an e-mailed token (public)")
    public void resetPassword(@Valid @RequestBody AuthRequests.ResetPassword request) {
        passwordReset.reset(request.token(), request.newPassword());
    }

    /** The caller's open sessions, oldest first; {@code current} marks the one of this token. */
    @GetMapping("/sessions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The caller's sessions")
    public List<AuthResponses.Session> sessions() {
        return auth.sessions();
    }

    /** Ends one of the caller's sessions (its refresh tokens stop working). 204; 404 when not theirs. */
    @DeleteMapping("/sessions/{id}")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End one of the caller's sessions")
    public void endSession(@PathVariable String id) {
        auth.endSession(id);
    }
}
