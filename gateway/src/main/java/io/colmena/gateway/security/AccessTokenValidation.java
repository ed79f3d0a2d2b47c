package io.colmena.gateway.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What makes a token a Colmena access token at the gateway (the same rules as the services'
 * {@code platform-starter}, so a token the gateway lets through is one the service accepts):
 * <ul>
 *   <li>a JWS signed with <b>RS256</b> by a key of the realm's JWK set: {@code alg: none}, HMAC
 *       ({@code HS256}, the "public key as HMAC secret" attack), other algorithms, unknown
 *       {@code kid}s and altered payloads fail the signature check (RFC 7515, RFC 8725 §3.1);</li>
 *   <li>{@code exp} present and not passed, {@code nbf} (when present) reached, with
 *       {@link GatewaySecurityProperties#clockSkew()} tolerance (RFC 7519 §4.1.4–4.1.5);</li>
 *   <li>{@code iss} equal to the realm's issuer (RFC 7519 §4.1.1);</li>
 *   <li>{@code aud} containing {@link GatewaySecurityProperties#audience()} (RFC 7519 §4.1.3);</li>
 *   <li>Keycloak's {@code typ} claim equal to {@code Bearer}: ID tokens ({@code ID}) and refresh
 *       tokens ({@code Refresh}) are not access tokens.</li>
 * </ul>
 */
public final class AccessTokenValidation {

    private AccessTokenValidation() {}

    /**
     * A decoder that checks signature and claims, with the realm's keys fetched from
     * {@link GatewaySecurityProperties#effectiveJwkSetUri()}.
     * @param properties issuer, audience, clock skew and key caching
     * @param clock the clock {@code exp} and {@code nbf} are compared with
     */
    public static ReactiveJwtDecoder decoder(GatewaySecurityProperties properties, Clock clock) {
        RealmSigningKeys keys = new RealmSigningKeys(WebClient.create(), properties.effectiveJwkSetUri(),
                properties.jwksMaxAge(), properties.jwksMinRefreshInterval(), clock);
        return decoder(properties, keys, clock);
    }

    /** A decoder that checks signature and claims; keys come from {@code keys}. */
    static ReactiveJwtDecoder decoder(GatewaySecurityProperties properties, RealmSigningKeys keys, Clock clock) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(claims(properties, clock));
        return decoder;
    }

    /**
     * The claim checks (everything but the signature).
     * @param properties issuer, audience and clock skew
     * @param clock the clock {@code exp} and {@code nbf} are compared with
     */
    public static OAuth2TokenValidator<Jwt> claims(GatewaySecurityProperties properties, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                require(jwt -> jwt.getExpiresAt() != null, "The token has no expiry (exp)"),
                timestamps,
                new JwtIssuerValidator(properties.issuerUri()),
                require(jwt -> contains(jwt.getClaims().get(JwtClaimNames.AUD), properties.audience()),
                        "The token is not issued for this API (aud)"),
                require(jwt -> "Bearer".equals(jwt.getClaimAsString("typ")),
                        "Only access tokens are accepted (typ must be Bearer)")));
    }

    private static boolean contains(Object claim, String expected) {
        return claim instanceof Collection<?> values ? values.contains(expected) : expected.equals(claim);
    }

    private static OAuth2TokenValidator<Jwt> require(java.util.function.Predicate<Jwt> rule, String description) {
        OAuth2Error error = new OAuth2Error("invalid_token", description, null);
        return jwt -> rule.test(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }
}
