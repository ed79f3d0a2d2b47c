package io.colmena.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokenValidationTest {

    private static final String ISSUER = "http://localhost:8180/realms/colmena";
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final OAuth2TokenValidator<Jwt> CLAIMS = AccessTokenValidation.claims(
            new GatewaySecurityProperties(ISSUER, null, "colmena-api", Duration.ofSeconds(60), Duration.ofMinutes(5),
                    Duration.ofSeconds(30), 10_000),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static OAuth2TokenValidatorResult validate(Consumer<Jwt.Builder> change) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer(ISSUER).audience(List.of("colmena-api", "account")).subject("u")
                .issuedAt(NOW.minusSeconds(10)).expiresAt(NOW.plusSeconds(290))
                .claim("typ", "Bearer");
        change.accept(jwt);
        return CLAIMS.validate(jwt.build());
    }

    private static String errors(OAuth2TokenValidatorResult result) {
        return result.getErrors().toString();
    }

    @Test
    void aKeycloakAccessTokenForThisApiPasses() {
        assertThat(validate(jwt -> {}).hasErrors()).isFalse();
        assertThat(validate(jwt -> jwt.audience(List.of("colmena-api"))).hasErrors()).isFalse();
    }

    @Test
    void anExpiredTokenFailsOnceTheClockSkewHasPassed() {
        assertThat(validate(jwt -> jwt.issuedAt(NOW.minusSeconds(330)).expiresAt(NOW.minusSeconds(30))).hasErrors())
                .as("within skew").isFalse();
        assertThat(validate(jwt -> jwt.issuedAt(NOW.minusSeconds(361)).expiresAt(NOW.minusSeconds(61))).hasErrors())
                .isTrue();
    }

    @Test
    void aTokenWithoutExpiryFails() {
        assertThat(errors(validate(jwt -> jwt.claims(claims -> claims.remove("exp"))))).contains("exp");
    }

    @Test
    void aTokenNotYetValidFails() {
        assertThat(validate(jwt -> jwt.notBefore(NOW.plusSeconds(120))).hasErrors()).isTrue();
        assertThat(validate(jwt -> jwt.notBefore(NOW.minusSeconds(5))).hasErrors()).isFalse();
    }

    @Test
    void anotherIssuerFails() {
        assertThat(validate(jwt -> jwt.issuer("http://localhost:8180/realms/master")).hasErrors()).isTrue();
        assertThat(validate(jwt -> jwt.issuer(ISSUER + "/")).hasErrors()).isTrue();
    }

    @Test
    void anotherAudienceFails() {
        assertThat(errors(validate(jwt -> jwt.audience(List.of("account"))))).contains("aud");
        assertThat(errors(validate(jwt -> jwt.claims(claims -> claims.remove("aud"))))).contains("aud");
    }

    @Test
    void idAndRefreshTokensFail() {
        assertThat(errors(validate(jwt -> jwt.claim("typ", "ID")))).contains("typ");
        assertThat(errors(validate(jwt -> jwt.claim("typ", "Refresh")))).contains("typ");
        assertThat(errors(validate(jwt -> jwt.claims(claims -> claims.remove("typ"))))).contains("typ");
    }
}
