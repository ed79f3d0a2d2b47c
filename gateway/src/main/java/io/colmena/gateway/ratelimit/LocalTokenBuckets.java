package io.colmena.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token buckets in this gateway instance's memory, the fallback while Redis cannot be used. Same
 * arithmetic as {@code token-bucket.lua}; each instance counts alone, so with N instances a caller
 * may get up to N times its rate during a Redis outage. At most {@code maxBuckets} are kept (least
 * recently used go first; a bucket left alone for an hour is dropped, and a new one starts full).
 */
class LocalTokenBuckets {

    private final Cache<String, Bucket> buckets;
    private final LongSupplier nanoTime;

    LocalTokenBuckets(int maxBuckets, LongSupplier nanoTime) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(Duration.ofHours(1)).build();
        this.nanoTime = nanoTime;
    }

    /** Takes one token from bucket {@code key}. */
    Allowance take(String key, BucketLimit limit) {
        long now = nanoTime.getAsLong();
        return buckets.get(key, ignored -> new Bucket(limit.burstCapacity(), now)).take(limit, now);
    }

    private static final class Bucket {

        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        synchronized Allowance take(BucketLimit limit, long now) {
            double elapsedSeconds = Math.max(0, now - updatedNanos) / 1e9;
            tokens = Math.min(limit.burstCapacity(), tokens + elapsedSeconds * limit.replenishRate());
            updatedNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Allowance(true, (long) Math.floor(tokens), Duration.ZERO);
            }
            long retryMillis = (long) Math.ceil((1 - tokens) * 1000 / limit.replenishRate());
            return new Allowance(false, 0, Duration.ofMillis(retryMillis));
        }
    }
}
