package io.colmena.gateway.cors;

import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * CORS for the single-page apps, answered by the gateway alone (Fetch standard, "CORS protocol").
 *
 * <ul>
 *   <li>Origins: {@link CorsProperties#allowedOrigins()}; any other origin gets no
 *       {@code Access-Control-Allow-Origin} and its preflight a {@code 403}.</li>
 *   <li>Methods: GET, POST, PUT, PATCH, DELETE, OPTIONS.</li>
 *   <li>Request headers: Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id,
 *       traceparent.</li>
 *   <li>Exposed response headers: ETag, Location, Retry-After, X-RateLimit-Limit,
 *       X-RateLimit-Remaining, X-Request-Id.</li>
 *   <li>No credentials (cookies): the apps send a bearer token in {@code Authorization}.</li>
 * </ul>
 *
 * <p>Preflight requests ({@code OPTIONS} with {@code Access-Control-Request-Method}) are answered
 * here and never reach a service. CORS headers a service might add are dropped from its responses,
 * so a browser never sees two {@code Access-Control-Allow-Origin} values.
 */
@Configuration(proxyBeanMethods = false)
class GatewayCorsConfiguration {

    static final List<String> ALLOWED_METHODS = List.of(
            HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
            HttpMethod.PATCH.name(), HttpMethod.DELETE.name(), HttpMethod.OPTIONS.name());

    static final List<String> ALLOWED_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", HttpHeaders.IF_MATCH,
            "X-Request-Id", "traceparent");

    static final List<String> EXPOSED_HEADERS = List.of(
            HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-Request-Id");

    /** Runs before everything else but the request id, so preflights cost nothing downstream. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    CorsWebFilter corsWebFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(ALLOWED_METHODS);
        cors.setAllowedHeaders(ALLOWED_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }

    /** Drops {@code Access-Control-*} headers from service responses: CORS is the gateway's job. */
    @Bean
    HttpHeadersFilter downstreamCorsHeadersFilter() {
        return new HttpHeadersFilter() {
            @Override
            public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
                HttpHeaders filtered = new HttpHeaders();
                input.forEach((name, values) -> {
                    if (!name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length())) {
                        filtered.addAll(name, values);
                    }
                });
                return filtered;
            }

            @Override
            public boolean supports(Type type) {
                return type == Type.RESPONSE;
            }
        };
    }
}
