package io.colmena.identity.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How identity-service reaches Keycloak ({@code colmena.identity.keycloak.*}).
 *
 * <p>identity-service acts as the confidential client {@code clientId}: its service account drives
 * the admin REST API (users, role mappings, sessions, partner clients) and the same client logs
 * users in with the resource-owner password grant (OAuth 2.0, RFC 6749 §4.3) and refreshes and
 * revokes their tokens. Without a secret the service does not start.
 *
 * @param url            Keycloak's base URL, e.g. {@code http://localhost:8180}
 * @param realm          the realm, {@code colmena}
 * @param clientId       the confidential client, {@code colmena-identity}
 * @param clientSecret   its secret, from {@code COLMENA_IDENTITY_CLIENT_SECRET}
 * @param connectTimeout TCP connect timeout for every Keycloak call
 * @param readTimeout    response timeout for every Keycloak call
 */
@Validated
@ConfigurationProperties("colmena.identity.keycloak")
public record KeycloakProperties(
        @NotBlank(message = "colmena.identity.keycloak.url must name the Keycloak server") String url,
        @NotBlank(message = "colmena.identity.keycloak.realm must name the realm") String realm,
        @NotBlank(message = "colmena.identity.keycloak.client-id must name identity-service's client") String clientId,
        @NotBlank(message = "colmena.identity.keycloak.client-secret (COLMENA_IDENTITY_CLIENT_SECRET) must be set")
        String clientSecret,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout) {

    public KeycloakProperties {
        url = url == null ? null : url.replaceAll("/+$", "");
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
    }

    /** The realm's OpenID Connect endpoints, {@code <url>/realms/<realm>/protocol/openid-connect}. */
    public String openIdConnectBase() {
        return url + "/realms/" + realm + "/protocol/openid-connect";
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "KeycloakProperties[url=" + url + ", realm=" + realm + ", clientId=" + clientId + ", clientSecret=****]";
    }
}
