package io.colmena.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder that accepts only Colmena access tokens: signed with RS256 by a key of the
 * realm's JWK set (so {@code alg: none}, HS256 and unknown {@code kid}s fail), with {@code exp}
 * and {@code nbf} in force (60 s clock skew), {@code iss} equal to the realm, {@code aud}
 * containing the configured audience, and {@code typ} = {@code Bearer} (Keycloak marks ID tokens
 * {@code ID} and refresh tokens {@code Refresh}; neither may be used as an access token).
 */
public final class KeycloakJwtDecoders {

    private KeycloakJwtDecoders() {}

    /** A decoder for the realm described by {@code properties}; keys are fetched lazily and cached. */
    public static JwtDecoder create(ColmenaSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** The claim checks, separate from signature checks so they can be tested alone. */
    public static OAuth2TokenValidator<Jwt> validator(ColmenaSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                claimContains(JwtClaimNames.AUD, properties.audience(), "The token is not issued for this API"),
                accessTokenType());
    }

    private static OAuth2TokenValidator<Jwt> claimContains(String claim, String expected, String description) {
        return jwt -> {
            Object value = jwt.getClaims().get(claim);
            boolean ok = value instanceof Collection<?> values ? values.contains(expected) : expected.equals(value);
            return ok ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
        };
    }

    private static OAuth2TokenValidator<Jwt> accessTokenType() {
        return jwt -> {
            String typ = jwt.getClaimAsString("typ");
            return typ == null || List.of("Bearer").contains(typ)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "Only access tokens are accepted", null));
        };
    }
}
