package io.colmena.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * What the gateway serves without an access token. Everything else needs one: every other
 * {@code /api/**} path and any path not listed here (fail closed).
 *
 * <ul>
 *   <li>{@code POST /api/auth/register}, {@code /login}, {@code /refresh}, {@code /forgot-password},
 *       {@code /reset-password}: the calls that obtain or recover credentials;</li>
 *   <li>{@code /api/auth/invitations/**} (any method): an invited person reads and accepts an
 *       invitation before having a password;</li>
 *   <li>{@code /webhooks/**}: Stripe and Meta, which sign their requests (the service verifies);</li>
 *   <li>{@code /actuator/health/**}, {@code /actuator/info}, {@code /actuator/prometheus};</li>
 *   <li>the OpenAPI documents and Swagger UI: {@code /v3/api-docs/**}, {@code /swagger-ui.html},
 *       {@code /swagger-ui/**}, {@code /webjars/**}.</li>
 * </ul>
 * On these paths a bearer token, if sent, is not examined (an expired token sent along with a
 * refresh call must not turn it into a 401) and is passed on unchanged.
 */
public final class PublicEndpoints {

    /** The credential calls that are public, all {@code POST}. */
    public static final List<String> CREDENTIAL_CALLS = List.of(
            "/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/forgot-password",
            "/api/auth/reset-password");

    /** Public paths for any method. */
    public static final List<String> ANY_METHOD = List.of(
            "/api/auth/invitations/**", "/webhooks/**",
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**");

    private static final Mono<MatchResult> MATCH = MatchResult.match();
    private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

    /**
     * Matches every public exchange. It decides synchronously, with the patterns parsed once: it is
     * asked twice on every request (authorization and the bearer-token converter), and Spring
     * Security's {@code OrServerWebExchangeMatcher} of path matchers cost a reactive pipeline and
     * a debug message per pattern each time (bench/gateway.sh).
     */
    public static final ServerWebExchangeMatcher MATCHER = exchange -> isPublic(exchange.getRequest()) ? MATCH : NO_MATCH;

    private static final List<PathPattern> CREDENTIAL_PATTERNS = parse(CREDENTIAL_CALLS);
    private static final List<PathPattern> ANY_METHOD_PATTERNS = parse(ANY_METHOD);

    private PublicEndpoints() {}

    /** Whether {@code request} may be served without an access token. */
    public static boolean isPublic(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return matchesAny(ANY_METHOD_PATTERNS, path)
                || (HttpMethod.POST.equals(request.getMethod()) && matchesAny(CREDENTIAL_PATTERNS, path));
    }

    private static boolean matchesAny(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathPattern> parse(List<String> paths) {
        return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }
}
