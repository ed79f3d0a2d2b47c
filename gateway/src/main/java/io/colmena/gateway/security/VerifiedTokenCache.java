package io.colmena.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that verifies each access token's signature once and remembers the
 * result, so that the many requests a browser or a partner makes with the same token cost a map
 * lookup instead of an RS256 verification and a JSON parse (together a third of the gateway's CPU
 * time per request in bench/gateway.sh).
 *
 * <ul>
 *   <li>Only tokens that passed every check are kept; a refused token is checked again each time.</li>
 *   <li>The claim checks ({@code exp}, {@code nbf}, {@code iss}, {@code aud}, {@code typ}) run on
 *       every use, against the same clock, so an expired token is refused on the first request
 *       after its expiry (plus the clock skew) exactly as without the cache.</li>
 *   <li>An entry lives until the token expires, and at most {@code maxAge}: a signing key removed
 *       from the realm stops being accepted within that time, as with the key cache
 *       ({@code jwks-max-age}).</li>
 *   <li>At most {@code maxSize} tokens are kept (about 4 KB each: the token and its claims);
 *       Caffeine evicts the least used first.</li>
 * </ul>
 * The key is the whole token, so two tokens never share an entry.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier checks signature and claims of tokens not yet known
     * @param claims the claim checks repeated on every use of a known token
     * @param maxAge the longest time a verified token is trusted without checking its signature again
     * @param maxSize how many verified tokens are kept
     * @param clock the clock the entries' lifetime is measured with
     */
    VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, Duration maxAge, long maxSize,
            Clock clock) {
        this.verifier = verifier;
        this.claims = claims;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt, maxAge, clock.instant())))
                .recordStats()
                .build();
    }

    /**
     * Publishes the cache's size, hits, misses and evictions as Micrometer's cache metrics
     * ({@code cache_gets_total{cache="gateway.verified-tokens",result="hit|miss"}},
     * {@code cache_size}, {@code cache_evictions_total}), so operators see how many requests skip
     * the signature check.
     */
    VerifiedTokenCache monitoredBy(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, verified, "gateway.verified-tokens");
        return this;
    }

    private static Duration lifetime(Jwt jwt, Duration maxAge, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration untilExpiry = Duration.between(now, expiresAt);
        return untilExpiry.isNegative() ? Duration.ZERO : untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = claims.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("The token is no longer valid: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors()));
        }
        return Mono.just(known);
    }

    /** How many verified tokens are kept now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
