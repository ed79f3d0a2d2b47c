package io.colmena.gateway.ratelimit;

import io.colmena.events.identity.Plan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits of the gateway ({@code colmena.gateway.rate-limit.*}); defaults in
 * {@code application.yml}, documented in the README's table.
 *
 * @param enabled whether buckets are applied at all; {@code true} by default. {@code false} is
 *     meant for measurements only (the bench); plan and status are still checked
 * @param plans the bucket of each plan, keyed by tenant (or by partner client); every plan must be
 *     configured. Defaults: FREE 5/s burst 10, STARTER 20/s burst 40, PRO 50/s burst 100,
 *     ENTERPRISE 200/s burst 400
 * @param withoutTenant the bucket of tokens that carry no {@code tenant_id} (platform operators,
 *     internal service accounts), keyed by client id or user; default 50/s burst 100
 * @param authPerIp the bucket shared by {@code POST /api/auth/login}, {@code /register} and
 *     {@code /forgot-password}, keyed by client IP address; default 0.2/s (12 a minute) burst 10
 * @param trustedProxies regular expression of the peer addresses whose {@code X-Forwarded-For}
 *     is believed when finding the client's address; default the gateway's
 *     {@code spring.cloud.gateway.server.webflux.trusted-proxies} (loopback and private networks)
 * @param redisTimeout how long the bucket in Redis may take to answer before the in-memory
 *     fallback decides; default 250 ms
 * @param redisRetryInterval after Redis failed, how long the fallback decides alone before Redis
 *     is tried again; default 5 s
 * @param fallbackMaxBuckets how many in-memory fallback buckets are kept at most; default 100,000
 */
@Validated
@ConfigurationProperties("colmena.gateway.rate-limit")
public record RateLimitProperties(
        boolean enabled,
        @NotNull Map<Plan, @NotNull @Valid BucketLimit> plans,
        @NotNull @Valid BucketLimit withoutTenant,
        @NotNull @Valid BucketLimit authPerIp,
        @NotBlank String trustedProxies,
        @NotNull Duration redisTimeout,
        @NotNull Duration redisRetryInterval,
        @Positive int fallbackMaxBuckets) {

    public RateLimitProperties {
        if (plans != null) {
            Map<Plan, BucketLimit> given = plans;
            List<Plan> missing = Arrays.stream(Plan.values()).filter(plan -> !given.containsKey(plan)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("colmena.gateway.rate-limit.plans lacks " + missing);
            }
            plans = new EnumMap<>(plans);
        }
    }

    /** The bucket of {@code plan}. */
    public BucketLimit of(Plan plan) {
        return plans.get(plan);
    }
}
