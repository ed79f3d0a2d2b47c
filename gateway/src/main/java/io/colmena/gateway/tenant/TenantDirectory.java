package io.colmena.gateway.tenant;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;
import io.colmena.gateway.routing.ServiceUris;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every tenant's current plan and status, as identity-service knows them, so that an upgrade or a
 * suspension applies to tokens issued before it.
 *
 * <ul>
 *   <li><b>Miss</b>: {@code GET <identity>/api/tenants/current} with the caller's own bearer token
 *       (identity-service answers for the token's tenant); concurrent misses of one tenant share
 *       one call. 200 with the same {@code id} → cached; 404 → {@link TenantLookupException.Reason#UNKNOWN_TENANT};
 *       anything else, no answer within {@code lookup-timeout}, or an unreadable body →
 *       {@link TenantLookupException.Reason#IDENTITY_UNAVAILABLE}, not cached.</li>
 *   <li><b>Events</b> ({@link TenantEventsListener}): {@code tenant.created} stores the tenant;
 *       {@code plan-changed} and {@code status-changed} update a cached tenant in place, or drop a
 *       lookup still in flight (its answer may predate the change) so the next request asks again.</li>
 *   <li><b>Safety net</b>: a standing older than {@code cache-ttl} is still used for the request at
 *       hand, and one call in the background (per tenant, with that caller's token) asks
 *       identity-service again, so an event the gateway missed (Kafka down, gateway restarted) is
 *       corrected within that time. The answer replaces the standing only if no event changed it
 *       meanwhile; a 404 drops it.</li>
 *   <li><b>identity-service down</b>: a failed background call keeps the standing already known
 *       (warning log, meter {@code colmena.gateway.tenant.refresh.failures}) and the next request
 *       tries again, so known tenants keep being served during an outage, for at most
 *       {@code stale-max-age} after their standing was last confirmed; after that, or for a tenant
 *       never seen, the caller gets 503.</li>
 * </ul>
 */
@Component
public class TenantDirectory {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);

    /** A standing and when it was learned (ticker nanoseconds). */
    private record Known(TenantStanding standing, long learnedAt) {}

    private final AsyncCache<UUID, Known> cache;
    private final Set<UUID> refreshing = ConcurrentHashMap.newKeySet();
    private final WebClient identity;
    private final JsonMapper jsonMapper;
    private final TenantDirectoryProperties properties;
    private final Ticker ticker;
    private final Counter refreshFailures;

    /**
     * @param properties cache and lookup settings
     * @param services where identity-service is
     * @param jsonMapper reads identity-service's answers
     * @param observations traces the lookup (the {@code traceparent} reaches identity-service)
     * @param meters where {@code colmena.gateway.tenant.refresh.failures} goes
     */
    @Autowired
    public TenantDirectory(TenantDirectoryProperties properties, ServiceUris services, JsonMapper jsonMapper,
            ObservationRegistry observations, MeterRegistry meters) {
        this(properties, services, jsonMapper, observations, meters, Ticker.systemTicker());
    }

    /** As above, with the clock that ages standings (tests move it). */
    public TenantDirectory(TenantDirectoryProperties properties, ServiceUris services, JsonMapper jsonMapper,
            ObservationRegistry observations, MeterRegistry meters, Ticker ticker) {
        this.properties = properties;
        this.jsonMapper = jsonMapper;
        this.ticker = ticker;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.staleMaxAge())
                .maximumSize(properties.cacheMaxSize())
                .ticker(ticker)
                .buildAsync();
        this.identity = WebClient.builder()
                .baseUrl(services.identity().toString())
                .observationRegistry(observations)
                // A name of its own: the gateway's routed calls already own http.client.requests with other tags.
                .observationConvention(new DefaultClientRequestObservationConvention("colmena.gateway.tenant.lookups"))
                .build();
        this.refreshFailures = Counter.builder("colmena.gateway.tenant.refresh.failures")
                .description("Background calls to identity-service for a known tenant that failed; the known standing was kept")
                .register(meters);
    }

    /**
     * The standing of {@code tenantId}, from the cache or from identity-service.
     * @param tenantId the {@code tenant_id} claim of the validated token
     * @param bearerToken that token, sent to identity-service on a miss or a refresh
     * @return the standing; fails with {@link TenantLookupException}
     */
    public Mono<TenantStanding> standingOf(UUID tenantId, String bearerToken) {
        CompletableFuture<Known> entry = cache.get(tenantId,
                (id, executor) -> fetch(id, bearerToken).map(this::known).toFuture());
        if (entry.isDone() && !entry.isCompletedExceptionally()) {
            Known known = entry.join();
            if (ticker.read() - known.learnedAt() >= properties.cacheTtl().toNanos()) {
                refreshInBackground(tenantId, bearerToken, entry);
            }
            return Mono.just(known.standing());
        }
        // suppressCancel: one caller going away must not cancel a lookup others wait for.
        return Mono.fromFuture(entry, true).map(Known::standing);
    }

    private void refreshInBackground(UUID tenantId, String bearerToken, CompletableFuture<Known> entry) {
        if (!refreshing.add(tenantId)) {
            return;
        }
        fetch(tenantId, bearerToken)
                .doFinally(signal -> refreshing.remove(tenantId))
                .subscribe(
                        // Only if no event replaced the entry meanwhile: the event is newer than this answer.
                        fresh -> cache.asMap().replace(tenantId, entry, CompletableFuture.completedFuture(known(fresh))),
                        ex -> refreshFailed(tenantId, entry, ex));
    }

    private void refreshFailed(UUID tenantId, CompletableFuture<Known> entry, Throwable ex) {
        if (ex instanceof TenantLookupException lookup && lookup.reason() == TenantLookupException.Reason.UNKNOWN_TENANT) {
            log.info("Tenant {} is no longer known to identity-service; it is refused from now on", tenantId);
            cache.asMap().remove(tenantId, entry);
            return;
        }
        refreshFailures.increment();
        Duration age = Duration.ofNanos(ticker.read() - entry.join().learnedAt());
        log.warn("Cannot confirm tenant {}'s plan and status ({}); keeping what was learned {} s ago, for up to {}",
                tenantId, ex.getMessage(), age.toSeconds(), properties.staleMaxAge());
    }

    private Known known(TenantStanding standing) {
        return new Known(standing, ticker.read());
    }

    private Mono<TenantStanding> fetch(UUID tenantId, String bearerToken) {
        return identity.get().uri("/api/tenants/current")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().then(Mono.error(new TenantLookupException(
                                TenantLookupException.Reason.UNKNOWN_TENANT, tenantId,
                                "identity-service does not know it", null)));
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().then(Mono.error(unavailable(tenantId,
                                "identity-service answered " + response.statusCode().value(), null)));
                    }
                    return response.bodyToMono(String.class).map(body -> read(tenantId, body));
                })
                .timeout(properties.lookupTimeout())
                .onErrorMap(ex -> !(ex instanceof TenantLookupException),
                        ex -> unavailable(tenantId, ex instanceof TimeoutException
                                ? "identity-service did not answer within " + properties.lookupTimeout()
                                : "identity-service could not be reached", ex))
                .doOnNext(standing -> log.debug("Tenant {} is {} on {}", tenantId, standing.status(), standing.plan()));
    }

    private TenantStanding read(UUID tenantId, String body) {
        TenantStanding standing;
        try {
            standing = jsonMapper.readValue(body, TenantStanding.class);
        }
        catch (JacksonException ex) {
            throw unavailable(tenantId, "identity-service's answer is not a tenant", ex);
        }
        if (standing.plan() == null || standing.status() == null || !tenantId.equals(standing.id())) {
            throw unavailable(tenantId, "identity-service's answer lacks the plan or status, or names another tenant",
                    null);
        }
        return standing;
    }

    private static TenantLookupException unavailable(UUID tenantId, String message, Throwable cause) {
        return new TenantLookupException(TenantLookupException.Reason.IDENTITY_UNAVAILABLE, tenantId, message, cause);
    }

    /** A tenant was created: store it. */
    void created(UUID tenantId, Plan plan, TenantStatus status) {
        cache.put(tenantId, CompletableFuture.completedFuture(known(new TenantStanding(tenantId, plan, status))));
    }

    /** A tenant moved to {@code plan}. */
    void planChanged(UUID tenantId, Plan plan) {
        update(tenantId, known -> known.withPlan(plan));
    }

    /** A tenant's status became {@code status}. */
    void statusChanged(UUID tenantId, TenantStatus status) {
        update(tenantId, known -> known.withStatus(status));
    }

    /** Something about the tenant changed that the event does not say: ask identity-service next time. */
    void forget(UUID tenantId) {
        cache.synchronous().invalidate(tenantId);
    }

    private void update(UUID tenantId, java.util.function.UnaryOperator<TenantStanding> change) {
        cache.asMap().compute(tenantId, (id, entry) -> {
            if (entry != null && entry.isDone() && !entry.isCompletedExceptionally()) {
                return CompletableFuture.completedFuture(known(change.apply(entry.join().standing())));
            }
            // Absent: the next request asks identity-service. In flight: its answer may predate the
            // change, so it is dropped (Caffeine does not store a future that was removed meanwhile).
            return null;
        });
    }
}
