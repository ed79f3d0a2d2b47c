package io.colmena.identity.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * Tokens from Keycloak's token endpoint (OAuth 2.0 access token response, RFC 6749 §5.1, read from
 * its snake_case members), as the service's auth endpoints return them (camelCase, like every
 * Colmena API).
 *
 * @param accessToken      the JWT to send as {@code Authorization: Bearer}
 * @param refreshToken     exchanges for new tokens at {@code POST /api/auth/refresh}; revoked by logout
 * @param tokenType        always {@code Bearer}
 * @param expiresIn        seconds until the access token expires
 * @param refreshExpiresIn seconds until the refresh token expires (session idle timeout)
 * @param sessionId        the Keycloak session these tokens belong to (see {@code GET /api/auth/sessions})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenSet(
        @JsonAlias("access_token") String accessToken,
        @JsonAlias("refresh_token") String refreshToken,
        @JsonAlias("token_type") String tokenType,
        @JsonAlias("expires_in") long expiresIn,
        @JsonAlias("refresh_expires_in") long refreshExpiresIn,
        @JsonAlias("session_state") String sessionId) {

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "TokenSet[sessionId=" + sessionId + ", expiresIn=" + expiresIn + "]";
    }
}
