package io.colmena.gateway.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which access tokens the gateway accepts ({@code colmena.gateway.security.*}), checked at start-up.
 * There is no default issuer: without {@code COLMENA_ISSUER_URI} the gateway does not start (it
 * fails closed rather than letting every request through unchecked).
 *
 * @param issuerUri the Keycloak realm's issuer, compared exactly with the {@code iss} claim, e.g.
 *     {@code http://localhost:8180/realms/colmena}; from {@code COLMENA_ISSUER_URI}
 * @param jwkSetUri where the realm's signing keys are fetched; default (unset)
 *     {@code <issuer-uri>/protocol/openid-connect/certs}. Set it when the gateway reaches Keycloak
 *     by another address than the public issuer (e.g. {@code http://keycloak:8080/realms/colmena/...}
 *     inside a cluster)
 * @param audience the value the {@code aud} claim must contain; default {@code colmena-api}
 * @param clockSkew tolerance applied to {@code exp} and {@code nbf}; default 60 s
 * @param jwksMaxAge how long the realm's signing keys are used before they are fetched again;
 *     default 5 min
 * @param jwksMinRefreshInterval the shortest time between two fetches of the keys when a token
 *     names a key id that is not known (key rotation), so that made-up {@code kid}s cannot make
 *     the gateway hammer Keycloak; default 30 s
 * @param verifiedTokensMaxSize how many access tokens whose signature was verified are remembered,
 *     so that later requests with the same token skip the RS256 check (their claims, {@code exp}
 *     included, are still checked every time); about 4 KB each; default 10,000
 */
@Validated
@ConfigurationProperties("colmena.gateway.security")
public record GatewaySecurityProperties(
        @NotBlank(message = "must be set (COLMENA_ISSUER_URI): without the realm's issuer the gateway cannot check tokens and refuses to start")
        @Pattern(regexp = "https?://[^\\s]+[^/\\s]", message = "must be the realm's issuer URI, e.g. http://localhost:8180/realms/colmena (no trailing slash)")
        String issuerUri,
        @Pattern(regexp = "https?://\\S+", message = "must be an absolute http(s) URI") String jwkSetUri,
        @NotBlank String audience,
        @NotNull Duration clockSkew,
        @NotNull Duration jwksMaxAge,
        @NotNull Duration jwksMinRefreshInterval,
        @Positive long verifiedTokensMaxSize) {

    /**
     * Where the realm's JWK set is fetched: {@link #jwkSetUri()} when set, otherwise
     * {@code <issuer>/protocol/openid-connect/certs} (Keycloak's OIDC discovery {@code jwks_uri}).
     */
    public URI effectiveJwkSetUri() {
        return URI.create(jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri
                : issuerUri + "/protocol/openid-connect/certs");
    }
}
