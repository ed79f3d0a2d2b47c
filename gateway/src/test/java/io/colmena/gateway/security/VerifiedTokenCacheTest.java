package io.colmena.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.platform.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokenCacheTest {

    private static final String ISSUER = "http://localhost:8180/realms/colmena";
    private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    private final MutableClock clock = MutableClock.frozenAt(START);
    private final GatewaySecurityProperties properties = new GatewaySecurityProperties(ISSUER, null, "colmena-api",
            Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(30), 2);
    private final AtomicInteger verifications = new AtomicInteger();

    /**
     * Stands in for the RS256 decoder, which checks the signature and then the claims: tokens named
     * "forged…" fail the signature, the others expire 10 min after START.
     */
    private final ReactiveJwtDecoder signatureCheck = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("Signed JWT rejected: Invalid signature"));
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256")
                .issuer(ISSUER).audience(List.of("colmena-api")).subject(token).claim("typ", "Bearer")
                .issuedAt(START).notBefore(START).expiresAt(START.plus(Duration.ofMinutes(10))).build();
        var result = AccessTokenValidation.claims(properties, clock).validate(jwt);
        return result.hasErrors() ? Mono.error(new JwtValidationException("expired", result.getErrors())) : Mono.just(jwt);
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(signatureCheck,
            AccessTokenValidation.claims(properties, clock), properties.jwksMaxAge(),
            properties.verifiedTokensMaxSize(), clock);

    private Jwt decode(String token) {
        return cache.decode(token).block(Duration.ofSeconds(5));
    }

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
        assertThat(decode("token-a").getSubject()).isEqualTo("token-a");
        assertThat(decode("token-a").getSubject()).isEqualTo("token-a");
        assertThat(decode("token-a").getSubject()).isEqualTo("token-a");
        assertThat(verifications).hasValue(1);

        decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsCheckedEveryTime() {
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(cache.decode("forged-token")).expectError(BadJwtException.class).verify();
        }
        assertThat(verifications).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aKnownTokenIsRefusedOnceItHasExpiredPlusTheClockSkew() {
        decode("token-a");
        clock.set(START.plus(Duration.ofMinutes(10)).plusSeconds(60));
        assertThat(decode("token-a")).as("within the 60 s skew").isNotNull();

        clock.set(START.plus(Duration.ofMinutes(10)).plusSeconds(61));
        StepVerifier.create(cache.decode("token-a")).expectError(JwtValidationException.class).verify();
    }

    @Test
    void theClaimsOfAKnownTokenAreCheckedOnEveryUseWithoutANewSignatureCheck() {
        decode("token-a");
        // The clock is set back (an NTP correction) to before the token's nbf minus the skew.
        clock.set(START.minus(Duration.ofMinutes(2)));

        StepVerifier.create(cache.decode("token-a")).expectError(JwtValidationException.class).verify();
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheKeyCacheAge() {
        decode("token-a");
        clock.advance(Duration.ofMinutes(4));
        decode("token-a");
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofMinutes(1));
        decode("token-a");
        assertThat(verifications).as("a key removed from the realm stops counting within jwks-max-age").hasValue(2);
    }

    @Test
    void atMostTheConfiguredNumberOfTokensIsKept() {
        for (String token : List.of("token-a", "token-b", "token-c", "token-d")) {
            decode(token);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(2);
    }
}
