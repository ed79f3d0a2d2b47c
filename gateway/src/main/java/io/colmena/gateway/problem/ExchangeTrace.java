package io.colmena.gateway.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace of an exchange: the span of its server observation, which is also the parent of the
 * span that reaches the service in {@code traceparent}.
 *
 * <p>The gateway leaves Reactor's context propagation in its default, limited mode (automatic
 * propagation restores thread locals at every operator and cost a third of the gateway's throughput
 * in bench/gateway.sh), so a log line written while handling a request does not carry the trace by
 * itself: {@link #run} puts the exchange's span in scope, and with it {@code traceId} and
 * {@code spanId} in the log's MDC.
 */
@Component
public class ExchangeTrace {

    private final ObjectProvider<Tracer> tracer;

    /**
     * @param tracer the tracer, absent when tracing is off
     */
    public ExchangeTrace(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    /**
     * The W3C trace id (32 hex digits) of the exchange, the tracer's current span as a fallback;
     * {@code null} without tracing.
     */
    public String traceId(ServerWebExchange exchange) {
        Span span = spanOf(exchange);
        if (span == null) {
            Tracer current = tracer.getIfAvailable();
            span = current == null ? null : current.currentSpan();
        }
        if (span == null) {
            return null;
        }
        String traceId = span.context().traceId();
        return traceId == null || traceId.isEmpty() || traceId.chars().allMatch(c -> c == '0') ? null : traceId;
    }

    /** Runs {@code action} (typically a log statement) with the exchange's span in scope. */
    public void run(ServerWebExchange exchange, Runnable action) {
        Tracer current = tracer.getIfAvailable();
        Span span = spanOf(exchange);
        if (current == null || span == null) {
            action.run();
            return;
        }
        try (Tracer.SpanInScope scope = current.withSpan(span)) {
            action.run();
        }
    }

    private static Span spanOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .orElse(null);
    }
}
