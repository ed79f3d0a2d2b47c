package io.colmena.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

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

    /** Matches every public exchange. */
    public static final ServerWebExchangeMatcher MATCHER = matcher();

    private PublicEndpoints() {}

    private static ServerWebExchangeMatcher matcher() {
        List<ServerWebExchangeMatcher> matchers = new java.util.ArrayList<>();
        CREDENTIAL_CALLS.forEach(path -> matchers.add(new PathPatternParserServerWebExchangeMatcher(path, HttpMethod.POST)));
        ANY_METHOD.forEach(path -> matchers.add(new PathPatternParserServerWebExchangeMatcher(path)));
        return new OrServerWebExchangeMatcher(matchers);
    }
}
