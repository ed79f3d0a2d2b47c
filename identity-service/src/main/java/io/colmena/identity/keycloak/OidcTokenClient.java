package io.colmena.identity.keycloak;

import io.colmena.identity.config.KeycloakProperties;
import io.colmena.platform.web.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm's OpenID Connect endpoints, called as the confidential client {@code colmena-identity}:
 * the token endpoint for the password grant (RFC 6749 §4.3) and the refresh grant (RFC 6749 §6),
 * and Keycloak's logout endpoint, which ends the session a refresh token belongs to so that the
 * refresh token (and every other token of that session) stops working.
 */
@Component
public class OidcTokenClient {

    private static final Logger log = LoggerFactory.getLogger(OidcTokenClient.class);

    private final RestClient oidc;
    private final KeycloakProperties properties;
    private final JsonMapper json;

    public OidcTokenClient(RestClient keycloakOidcClient, KeycloakProperties properties, JsonMapper json) {
        this.oidc = keycloakOidcClient;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Logs a user in with e-mail and password.
     *
     * @throws ProblemException 401 {@code invalid-credentials} for a wrong e-mail or password, a
     *     disabled user or one locked by Keycloak's brute-force protection (never told apart)
     */
    public TokenSet password(String email, String password) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "password");
        form.add("username", email);
        form.add("password", password);
        form.add("scope", "openid");
        return tokens(form, () -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                "Invalid credentials", "The e-mail or password is wrong, or the account is disabled or locked"));
    }

    /**
     * Exchanges a refresh token for new tokens.
     *
     * @throws ProblemException 401 {@code invalid-refresh-token} when it expired, was revoked by a
     *     logout, or its session ended
     */
    public TokenSet refresh(String refreshToken) {
        MultiValueMap<String, String> form = clientForm();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return tokens(form, () -> new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                "Invalid refresh token", "The refresh token expired or was revoked; log in again"));
    }

    /**
     * Ends the Keycloak session of {@code refreshToken}. As in token revocation (RFC 7009 §2.2), a
     * token that is already invalid is not an error.
     */
    public void logout(String refreshToken) {
        MultiValueMap<String, String> form = clientForm();
        form.add("refresh_token", refreshToken);
        call("/logout", form, (status, body) -> {
            if (status >= 500) {
                throw unavailable(status);
            }
            if (status >= 400) {
                log.debug("Keycloak refused a logout ({}): the refresh token was already invalid", status);
            }
            return null;
        });
    }

    private TokenSet tokens(MultiValueMap<String, String> form, java.util.function.Supplier<ProblemException> refused) {
        return call("/token", form, (status, body) -> {
            if (status == 200) {
                return json.readValue(body, TokenSet.class);
            }
            if (status == 400 || status == 401) {
                JsonNode error = json.readTree(body.isBlank() ? "{}" : body);
                log.debug("Keycloak refused a token request: {}", error.path("error").asString(""));
                throw refused.get();
            }
            throw unavailable(status);
        });
    }

    private <T> T call(String path, MultiValueMap<String, String> form, ResponseHandler<T> handler) {
        try {
            return oidc.post().uri(path)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((request, response) -> {
                        String body = readBody(response.getBody());
                        return handler.handle(response.getStatusCode().value(), body);
                    });
        } catch (RestClientException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            log.warn("Keycloak's OpenID Connect endpoint {} failed: {}", path, e.getMessage());
            throw KeycloakErrors.unavailable();
        }
    }

    private static String readBody(java.io.InputStream body) throws IOException {
        return body == null ? "" : StreamUtils.copyToString(body, StandardCharsets.UTF_8);
    }

    private static ProblemException unavailable(int status) {
        log.warn("Keycloak's OpenID Connect endpoint answered {}", status);
        return KeycloakErrors.unavailable();
    }

    private MultiValueMap<String, String> clientForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        return form;
    }

    @FunctionalInterface
    private interface ResponseHandler<T> {
        T handle(int status, String body) throws IOException;
    }
}
