package io.colmena.gateway.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a gateway {@link Problem} as the response of an exchange: the status, {@code
 * Content-Type: application/problem+json}, {@code Cache-Control: no-store}, any extra headers
 * (e.g. {@code Retry-After}, {@code WWW-Authenticate}), and the JSON body with the request path as
 * {@code instance} and the exchange's W3C {@code traceId}. A {@code HEAD} request gets the headers
 * without a body. Used by the error handler and by the gateway's own refusals (401, 403, 429).
 */
@Component
public class ProblemWriter {

    private final JsonMapper jsonMapper;
    private final ObjectProvider<Tracer> tracer;

    /**
     * @param jsonMapper Spring Boot's JSON mapper
     * @param tracer the tracer, used when the exchange carries no observation
     */
    public ProblemWriter(JsonMapper jsonMapper, ObjectProvider<Tracer> tracer) {
        this.jsonMapper = jsonMapper;
        this.tracer = tracer;
    }

    /**
     * Answers {@code status} with a problem of {@code type} whose title is the status's reason
     * phrase.
     * @param exchange the exchange to answer; its response must not be committed
     * @param status the HTTP status
     * @param type the problem type, see {@link ProblemTypes}
     * @param detail what went wrong, for people; never internals
     * @param headers extra response headers, or {@link HttpHeaders#EMPTY}
     * @return completes when the response is written
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String detail,
            HttpHeaders headers) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return write(exchange, status, type, known != null ? known.getReasonPhrase() : "HTTP " + status.value(),
                detail, headers);
    }

    /**
     * Answers {@code status} with a problem of {@code type} and {@code title}.
     * @param exchange the exchange to answer; its response must not be committed
     * @param status the HTTP status
     * @param type the problem type, see {@link ProblemTypes}
     * @param title the summary of the problem type
     * @param detail what went wrong, for people; never internals
     * @param headers extra response headers, or {@link HttpHeaders#EMPTY}
     * @return completes when the response is written
     */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, URI type, String title, String detail,
            HttpHeaders headers) {
        String path = exchange.getRequest().getPath().value();
        Problem problem = new Problem(type, title, status.value(), detail, path, traceId(exchange));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        HttpHeaders responseHeaders = response.getHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        responseHeaders.setCacheControl("no-store");
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return response.setComplete();
        }
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        responseHeaders.setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * The trace id of the exchange's server observation (the span that also reaches the service
     * in {@code traceparent}); the tracer's current span as a fallback; {@code null} without tracing.
     */
    private String traceId(ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .orElseGet(() -> {
                    Tracer current = tracer.getIfAvailable();
                    return current == null ? null : current.currentSpan();
                });
        if (span == null) {
            return null;
        }
        String traceId = span.context().traceId();
        return traceId == null || traceId.isEmpty() || traceId.chars().allMatch(c -> c == '0') ? null : traceId;
    }
}
