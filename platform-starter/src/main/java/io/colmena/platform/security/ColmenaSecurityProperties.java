package io.colmena.platform.security;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks the Keycloak access tokens it receives ({@code colmena.security.*}).
 *
 * <p>There are no defaults for the issuer or the audience: a service whose configuration lacks
 * them refuses to start, rather than accepting tokens it cannot check (fail closed).
 *
 * @param issuerUri   the realm's issuer, compared with {@code iss} exactly, e.g.
 *                    {@code http://localhost:8180/realms/colmena}
 * @param audience    a value that {@code aud} must contain, e.g. {@code colmena-api}
 * @param jwkSetUri   where the realm's signing keys are published; defaults to Keycloak's
 *                    {@code <issuer>/protocol/openid-connect/certs}
 * @param publicPaths Ant-style paths served without a token (webhooks that verify their own
 *                    signatures); health, metrics and the OpenAPI document are always public
 */
@Validated
@ConfigurationProperties("colmena.security")
public record ColmenaSecurityProperties(
        @NotBlank(message = "colmena.security.issuer-uri must name the Keycloak realm that issues tokens")
        String issuerUri,
        @NotBlank(message = "colmena.security.audience must name the audience tokens are issued for")
        String audience,
        String jwkSetUri,
        List<String> publicPaths) {

    public ColmenaSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /** The configured JWK set URI, or Keycloak's standard one under the issuer. */
    public String effectiveJwkSetUri() {
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            return jwkSetUri;
        }
        return issuerUri.replaceAll("/+$", "") + "/protocol/openid-connect/certs";
    }
}
