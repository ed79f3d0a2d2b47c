package io.colmena.gateway.requestid;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every exchange an {@code X-Request-Id}: the client's when it is a sane token (1–128
 * characters of {@code [A-Za-z0-9._-]}), otherwise a new random UUID. The id is sent to the
 * service in the request's {@code X-Request-Id} header and returned on every response of the
 * gateway, also on errors, preflights and actuator calls, and is available to other gateway code
 * as the exchange attribute {@link #ATTRIBUTE}.
 *
 * <p>Rejecting odd values keeps header injection and log forging out of the services' logs; the
 * request id is a correlation aid for people, while the W3C {@code traceparent} carries the trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

    /** The header, in request and response. */
    public static final String HEADER = "X-Request-Id";

    /** Exchange attribute holding the request id of the exchange. */
    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> given = exchange.getRequest().getHeaders().get(HEADER);
        String requestId = acceptOrGenerate(given == null || given.size() != 1 ? null : given.getFirst());
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        // Set at commit so the id wins over anything a service or an error path put there.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        ServerWebExchange withId = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
                .build();
        return chain.filter(withId);
    }

    /**
     * The client's request id when it is acceptable, otherwise a new random UUID.
     * @param candidate the client's {@code X-Request-Id}, or {@code null} when absent or repeated
     */
    static String acceptOrGenerate(String candidate) {
        return isAcceptable(candidate) ? candidate : UUID.randomUUID().toString();
    }

    /** Whether {@code candidate} is 1–128 characters of {@code [A-Za-z0-9._-]}. */
    static boolean isAcceptable(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches();
    }
}
