package io.colmena.gateway.ratelimit;

import io.colmena.events.identity.Plan;
import io.colmena.gateway.problem.ExchangeTrace;
import io.colmena.gateway.problem.ProblemTypes;
import io.colmena.gateway.problem.ProblemWriter;
import io.colmena.gateway.tenant.TenantDirectory;
import io.colmena.gateway.tenant.TenantLookupException;
import io.colmena.gateway.tenant.TenantStanding;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Tenant standing and rate limits, after the token was validated (Spring Security's filter chain
 * runs at order -100, this at -50).
 *
 * <p><b>Calls with a token</b> ({@code /api/**}):
 * <ol>
 *   <li>the token's {@code tenant_id} is looked up in {@link TenantDirectory}; a SUSPENDED or BANNED
 *       tenant gets <b>403</b> {@code tenant-suspended}, a tenant identity-service does not know
 *       <b>403</b> {@code forbidden}, identity-service unreachable on a cache miss <b>503</b>;</li>
 *   <li>one token is taken from the bucket of the plan's {@link BucketLimit}, keyed
 *       {@code client:<client_id>} for partner clients (tokens with a {@code client_id} claim,
 *       Keycloak's service accounts) and {@code tenant:<tenant_id>} for people, so a partner's
 *       integration does not eat its tenant's users' budget;</li>
 *   <li>tokens without {@code tenant_id} (platform operators, internal clients) use the
 *       {@code without-tenant} bucket keyed by {@code client:<client_id>} or {@code user:<sub>}.</li>
 * </ol>
 * <p><b>{@code POST /api/auth/login}, {@code /register}, {@code /forgot-password}</b>: one bucket per
 * client IP ({@link ClientAddresses}), key {@code ip:<address>}.
 *
 * <p>Every answer that went through a bucket carries {@code X-RateLimit-Limit} (the burst) and
 * {@code X-RateLimit-Remaining} (whole tokens left). An empty bucket is <b>429</b>
 * {@code rate-limited} with {@code Retry-After} in whole seconds (RFC 9110 §10.2.3) and
 * {@code X-RateLimit-Remaining: 0}; nothing reaches the service.
 */
@Component
@Order(-50)
public class RateLimitFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    /** Response header: the bucket's burst capacity. */
    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    /** Response header: whole tokens left in the bucket after this request. */
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    /** The credential calls limited per client IP, all {@code POST}. */
    static final List<String> PER_IP_PATHS = List.of("/api/auth/login", "/api/auth/register", "/api/auth/forgot-password");

    private final RateLimiter rateLimiter;
    private final TenantDirectory tenants;
    private final RateLimitProperties properties;
    private final ProblemWriter problems;
    private final ClientAddresses clientAddresses;
    private final MeterRegistry meters;
    private final ExchangeTrace trace;

    /**
     * @param rateLimiter the buckets
     * @param tenants plans and statuses
     * @param properties the limits
     * @param problems writes refusals
     * @param meters counts decisions ({@code colmena.gateway.ratelimit.decisions}, tags {@code limit}, {@code outcome})
     * @param trace puts the request's trace on log lines
     */
    public RateLimitFilter(RateLimiter rateLimiter, TenantDirectory tenants, RateLimitProperties properties,
            ProblemWriter problems, MeterRegistry meters, ExchangeTrace trace) {
        this.rateLimiter = rateLimiter;
        this.tenants = tenants;
        this.properties = properties;
        this.problems = problems;
        this.clientAddresses = new ClientAddresses(properties.trustedProxies());
        this.meters = meters;
        this.trace = trace;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (HttpMethod.POST.equals(request.getMethod()) && PER_IP_PATHS.contains(path)) {
            String address = clientAddresses.of(request);
            return limit(exchange, chain, "ip:" + address, properties.authPerIp(), "auth-per-ip",
                    "Too many sign-in, registration or password-reset calls from this address");
        }
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.of(((JwtAuthenticationToken) principal).getToken()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(jwt -> jwt.isPresent() ? limitByToken(exchange, chain, jwt.get()) : chain.filter(exchange));
    }

    private Mono<Void> limitByToken(ServerWebExchange exchange, WebFilterChain chain, Jwt jwt) {
        String clientId = jwt.getClaimAsString("client_id");
        String tenantClaim = jwt.getClaimAsString("tenant_id");
        if (tenantClaim == null || tenantClaim.isBlank()) {
            String key = clientId != null ? "client:" + clientId : "user:" + jwt.getSubject();
            return limit(exchange, chain, key, properties.withoutTenant(), "without-tenant",
                    "Too many requests for this client");
        }
        UUID tenantId;
        try {
            tenantId = UUID.fromString(tenantClaim);
        }
        catch (IllegalArgumentException ex) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                    "The token's tenant_id is not a tenant id.", HttpHeaders.EMPTY);
        }
        return tenants.standingOf(tenantId, jwt.getTokenValue())
                .onErrorResume(TenantLookupException.class, ex -> refuseLookup(exchange, ex).then(Mono.empty()))
                .flatMap(standing -> serve(exchange, chain, standing, clientId));
    }

    private Mono<Void> serve(ServerWebExchange exchange, WebFilterChain chain, TenantStanding standing,
            String clientId) {
        if (!standing.status().served()) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.TENANT_SUSPENDED, "Tenant Suspended",
                    "This organization is " + standing.status().name().toLowerCase()
                            + "; the API is not available to it. Contact support to restore access.",
                    HttpHeaders.EMPTY);
        }
        Plan plan = standing.plan();
        String key = clientId != null ? "client:" + clientId : "tenant:" + standing.id();
        return limit(exchange, chain, key, properties.of(plan), plan.name(),
                "Too many requests for the " + plan.name() + " plan");
    }

    private Mono<Void> refuseLookup(ServerWebExchange exchange, TenantLookupException ex) {
        if (ex.reason() == TenantLookupException.Reason.UNKNOWN_TENANT) {
            return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                    "The token's organization does not exist.", HttpHeaders.EMPTY);
        }
        trace.run(exchange, () -> log.warn("Cannot learn a tenant's plan and status: {}", ex.getMessage(), ex.getCause()));
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "The identity service is unavailable, so the organization's plan cannot be checked; try again shortly.",
                HttpHeaders.EMPTY);
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String key, BucketLimit limit,
            String limitName, String refusal) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return RequestEventLoop.continueOn(exchange, rateLimiter.take(key, limit)).flatMap(allowance -> {
            meters.counter("colmena.gateway.ratelimit.decisions", "limit", limitName,
                    "outcome", allowance.allowed() ? "allowed" : "limited").increment();
            String burst = Integer.toString(limit.burstCapacity());
            if (allowance.allowed()) {
                String remaining = Long.toString(allowance.remaining());
                exchange.getResponse().beforeCommit(() -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set(LIMIT_HEADER, burst);
                    headers.set(REMAINING_HEADER, remaining);
                    return Mono.empty();
                });
                return chain.filter(exchange);
            }
            long retrySeconds = Math.max(1, (allowance.retryAfter().toMillis() + 999) / 1000);
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retrySeconds));
            headers.set(LIMIT_HEADER, burst);
            headers.set(REMAINING_HEADER, "0");
            return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                    refusal + " (" + limit.describe() + "); retry after " + retrySeconds + " s.", headers);
        });
    }
}
