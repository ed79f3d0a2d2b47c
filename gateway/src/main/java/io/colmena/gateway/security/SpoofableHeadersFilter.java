package io.colmena.gateway.security;

import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes, before anything else looks at the request, the headers through which a client could
 * claim an identity: {@code X-Tenant-Id}, {@code X-User-Id}, {@code X-User-Roles},
 * {@code X-Customer-Id} and every {@code X-Colmena-*} header (names compared case-insensitively).
 * Tenant and user come only from the validated token; no service ever sees these headers as sent
 * by a client.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class SpoofableHeadersFilter implements WebFilter {

    /** Header names (lower case) that are always removed. */
    public static final List<String> REMOVED = List.of("x-tenant-id", "x-user-id", "x-user-roles", "x-customer-id");

    /** Prefix (lower case) of further removed headers. */
    public static final String REMOVED_PREFIX = "x-colmena-";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> spoofable = headers.headerNames().stream().filter(SpoofableHeadersFilter::isSpoofable).toList();
        if (spoofable.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(mutable -> spoofable.forEach(mutable::remove)))
                .build());
    }

    /** Whether {@code name} is one of the removed headers. */
    static boolean isSpoofable(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return REMOVED.contains(lower) || lower.startsWith(REMOVED_PREFIX);
    }
}
