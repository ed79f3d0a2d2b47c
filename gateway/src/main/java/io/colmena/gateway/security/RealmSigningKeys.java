package io.colmena.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The realm's signing keys (its JWK set, RFC 7517), fetched lazily so that the gateway starts
 * before Keycloak, kept for {@code maxAge}, and fetched again early when a token names an unknown
 * {@code kid} (key rotation), but never more often than {@code minRefreshInterval}. A failed fetch
 * keeps the keys already known; with none known, token checks fail with an error that the gateway
 * answers as 503.
 *
 * <p>Spring Security's own reactive JWK source fetches the set again for every token with an
 * unknown {@code kid}; this one bounds that.
 */
final class RealmSigningKeys {

    private static final Logger log = LoggerFactory.getLogger(RealmSigningKeys.class);

    /** Keys as last fetched, when, and when a fetch was last tried. */
    private record Snapshot(JWKSet keys, Instant fetchedAt, Instant triedAt) {}

    private final WebClient webClient;
    private final URI jwkSetUri;
    private final Duration maxAge;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final AtomicReference<Mono<Snapshot>> inFlight = new AtomicReference<>();

    RealmSigningKeys(WebClient webClient, URI jwkSetUri, Duration maxAge, Duration minRefreshInterval, Clock clock) {
        this.webClient = webClient;
        this.jwkSetUri = jwkSetUri;
        this.maxAge = maxAge;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    /** The signing keys that match the token's header ({@code kid}, {@code alg}, key use). */
    Flux<JWK> keysFor(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        Snapshot known = current.get();
        if (known != null) {
            Instant now = clock.instant();
            List<JWK> matching = selector.select(known.keys());
            boolean fresh = Duration.between(known.fetchedAt(), now).compareTo(maxAge) < 0;
            boolean mayFetch = Duration.between(known.triedAt(), now).compareTo(minRefreshInterval) >= 0;
            if (!mayFetch || (fresh && !matching.isEmpty())) {
                return Flux.fromIterable(matching);
            }
        }
        return refresh().flatMapIterable(snapshot -> selector.select(snapshot.keys()));
    }

    /** One fetch at a time; concurrent callers share it. */
    private Mono<Snapshot> refresh() {
        Mono<Snapshot> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<Snapshot> fetch = download()
                .doOnNext(current::set)
                .onErrorResume(ex -> {
                    Snapshot stale = current.get();
                    if (stale == null) {
                        return Mono.error(new IllegalStateException("The realm's signing keys cannot be fetched from " + jwkSetUri, ex));
                    }
                    log.warn("Fetching the realm's signing keys from {} failed; keeping the {} known keys: {}",
                            jwkSetUri, stale.keys().size(), ex.toString());
                    // Tried now: the next attempt waits minRefreshInterval.
                    Snapshot kept = new Snapshot(stale.keys(), stale.fetchedAt(), clock.instant());
                    current.set(kept);
                    return Mono.just(kept);
                })
                .doFinally(signal -> inFlight.set(null))
                .cache();
        return inFlight.compareAndSet(null, fetch) ? fetch : refresh();
    }

    private Mono<Snapshot> download() {
        return webClient.get().uri(jwkSetUri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(Duration.ofSeconds(5))
                .handle((body, sink) -> {
                    try {
                        JWKSet keys = JWKSet.parse(body);
                        log.info("Fetched {} keys of the realm from {}", keys.size(), jwkSetUri);
                        Instant now = clock.instant();
                        sink.next(new Snapshot(keys, now, now));
                    }
                    catch (ParseException ex) {
                        sink.error(new IllegalStateException("The realm's JWK set is not valid JSON", ex));
                    }
                });
    }
}
