package io.colmena.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes a token for a request: from the bucket in Redis, shared by all gateway instances, or,
 * while Redis cannot be used, from this instance's in-memory bucket.
 *
 * <p><b>When Redis is down</b> (refused, erroring, or slower than {@code redis-timeout}) the
 * gateway <b>keeps limiting, per instance</b>: the same rates and bursts are applied from memory
 * ({@link LocalTokenBuckets}), so the API stays up and no caller gets unlimited access (the stock
 * limiter lets everything through), at the price of a limit N times looser with N instances. The
 * first failure logs a warning; then Redis is left alone for {@code redis-retry-interval} (so a
 * dead Redis costs no latency), then tried again; recovery is logged too. Meters:
 * {@code colmena.gateway.ratelimit.fallback} (requests decided in memory) and
 * {@code colmena.gateway.ratelimit.redis.up} (1 while Redis answers, 0 while the fallback decides).
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RedisTokenBuckets redis;
    private final LocalTokenBuckets local;
    private final RateLimitProperties properties;
    private final LongSupplier nanoTime;
    private final Counter fallbacks;
    private final AtomicBoolean redisDown = new AtomicBoolean();
    private final AtomicLong retryRedisAtNanos = new AtomicLong();

    /**
     * @param redis the buckets in Redis
     * @param properties limits and Redis failure handling
     * @param meters where the fallback meters go
     */
    public RateLimiter(RedisTokenBuckets redis, RateLimitProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.nanoTime = System::nanoTime;
        this.local = new LocalTokenBuckets(properties.fallbackMaxBuckets(), nanoTime);
        this.properties = properties;
        this.fallbacks = Counter.builder("colmena.gateway.ratelimit.fallback")
                .description("Requests whose rate limit was decided in this instance's memory because Redis failed")
                .register(meters);
        Gauge.builder("colmena.gateway.ratelimit.redis.up", redisDown, down -> down.get() ? 0 : 1)
                .description("1 while rate limits are kept in Redis, 0 while the in-memory fallback decides")
                .register(meters);
    }

    /**
     * Opens the Redis connection at start-up rather than on the first request; when Redis cannot
     * be reached, the first requests are decided in memory at once instead of each trying Redis.
     */
    @EventListener(ApplicationReadyEvent.class)
    void connectEarly() {
        redis.connect()
                .timeout(Duration.ofSeconds(5))
                .subscribe(null, ex -> markDown(ex, "Redis is not reachable at start-up"), () -> log.debug("Connected to Redis"));
    }

    /**
     * Takes one token from bucket {@code key}.
     * @param key the bucket, e.g. {@code tenant:<uuid>}, {@code client:<client id>}, {@code ip:<address>}
     * @param limit its rate and burst
     * @return the decision; never fails
     */
    public Mono<Allowance> take(String key, BucketLimit limit) {
        if (redisDown.get() && nanoTime.getAsLong() - retryRedisAtNanos.get() < 0) {
            return Mono.fromSupplier(() -> fallback(key, limit));
        }
        return redis.take(key, limit)
                .timeout(properties.redisTimeout())
                .doOnNext(ignored -> {
                    if (redisDown.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits are shared by all gateway instances again");
                    }
                })
                .onErrorResume(ex -> {
                    markDown(ex, "Redis failed");
                    return Mono.fromSupplier(() -> fallback(key, limit));
                });
    }

    private void markDown(Throwable ex, String what) {
        retryRedisAtNanos.set(nanoTime.getAsLong() + properties.redisRetryInterval().toNanos());
        if (redisDown.compareAndSet(false, true)) {
            log.warn("{} ({}); rate limits are kept in this instance's memory and Redis is tried again every {}",
                    what, ex.toString(), properties.redisRetryInterval());
        }
    }

    private Allowance fallback(String key, BucketLimit limit) {
        fallbacks.increment();
        return local.take(key, limit);
    }
}
