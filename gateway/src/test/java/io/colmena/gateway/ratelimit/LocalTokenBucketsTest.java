package io.colmena.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalTokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(100, nanos::get);
    private final BucketLimit free = new BucketLimit(5, 10);

    @Test
    void aNewCallerHasItsBurstThenTheRate() {
        for (int i = 9; i >= 0; i--) {
            Allowance allowance = buckets.take("tenant:a", free);
            assertThat(allowance.allowed()).isTrue();
            assertThat(allowance.remaining()).isEqualTo(i);
        }
        Allowance refused = buckets.take("tenant:a", free);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(200));

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        int allowed = 0;
        while (buckets.take("tenant:a", free).allowed()) {
            allowed++;
        }
        assertThat(allowed).as("5 tokens a second").isEqualTo(5);
    }

    @Test
    void bucketsAreKeptApartAndNeverHoldMoreThanTheBurst() {
        buckets.take("tenant:a", free);
        assertThat(buckets.take("tenant:b", free).remaining()).isEqualTo(9);
        nanos.addAndGet(Duration.ofHours(1).minusSeconds(1).toNanos());
        assertThat(buckets.take("tenant:a", free).remaining()).isEqualTo(9);
    }

    @Test
    void aFractionalRateRefillsSlowly() {
        BucketLimit perIp = new BucketLimit(0.2, 1);
        assertThat(buckets.take("ip:x", perIp).allowed()).isTrue();
        Allowance refused = buckets.take("ip:x", perIp);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        nanos.addAndGet(Duration.ofMillis(4_900).toNanos());
        assertThat(buckets.take("ip:x", perIp).allowed()).isFalse();
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(buckets.take("ip:x", perIp).allowed()).isTrue();
    }
}
