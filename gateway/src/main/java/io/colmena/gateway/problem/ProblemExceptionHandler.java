package io.colmena.gateway.problem;

import io.colmena.gateway.routing.ColmenaService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every error the gateway itself produces into an RFC 9457 {@link Problem}
 * ({@code application/problem+json}) with the request path as {@code instance} and the exchange's
 * {@code traceId}: a service that is down (503), too slow (504) or broken (502), an unknown path
 * (404), a wrong method (405), and any fault of the gateway (500, detail without internals). The
 * rules are in {@link GatewayFailure}.
 *
 * <p>It runs before Spring Boot's default handler (order -1), which would answer JSON of another
 * shape. Responses that services send, errors included, pass through untouched: this handler only
 * sees exceptions. A response that is already committed cannot be replaced; the connection is then
 * closed by the server.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;
    private final ExchangeTrace trace;

    /**
     * @param problems writes the problem response
     * @param trace puts the request's trace on the log line
     */
    public ProblemExceptionHandler(ProblemWriter problems, ExchangeTrace trace) {
        this.problems = problems;
        this.trace = trace;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Optional<ColmenaService> service = ColmenaService.routedTo(exchange);
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        GatewayFailure failure = GatewayFailure.of(ex, service, method, path);
        trace.run(exchange, () -> log(failure, ex, service, method, path));
        return problems.write(exchange, failure.status(), failure.type(), failure.title(), failure.detail(),
                failure.headers());
    }

    private static void log(GatewayFailure failure, Throwable ex, Optional<ColmenaService> service, String method,
            String path) {
        if (failure.unexpected()) {
            log.error("Gateway failure on {} {}", method, path, ex);
        }
        else if (failure.status().is5xxServerError()) {
            log.warn("{} {} answered {} (service {}): {}", method, path, failure.status().value(),
                    service.map(ColmenaService::id).orElse("none"), ex.toString());
        }
        else {
            log.debug("{} {} answered {}: {}", method, path, failure.status().value(), ex.toString());
        }
    }
}
