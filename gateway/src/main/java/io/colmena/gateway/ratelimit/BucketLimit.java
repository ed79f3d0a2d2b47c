package io.colmena.gateway.ratelimit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * A token bucket's size and refill: a caller may send {@code burstCapacity} requests at once and
 * then {@code replenishRate} requests per second on average. Each request takes one token.
 *
 * @param replenishRate tokens added per second (may be fractional: 0.5 = one request every 2 s)
 * @param burstCapacity tokens the bucket holds at most; a full bucket is where a new caller starts
 */
public record BucketLimit(@Positive double replenishRate, @Min(1) int burstCapacity) {

    /** {@code "5 requests/s, bursts of 10"}. */
    public String describe() {
        String rate = replenishRate == Math.rint(replenishRate)
                ? String.valueOf((long) replenishRate) : String.valueOf(replenishRate);
        return rate + " requests/s, bursts of " + burstCapacity;
    }
}
