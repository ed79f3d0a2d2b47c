package io.colmena.gateway.problem;

import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
    private final ExchangeTrace trace;

    /**
     * @param jsonMapper Spring Boot's JSON mapper
     * @param trace where the {@code traceId} comes from
     */
    public ProblemWriter(JsonMapper jsonMapper, ExchangeTrace trace) {
        this.jsonMapper = jsonMapper;
        this.trace = trace;
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
        Problem problem = new Problem(type, title, status.value(), detail, path, trace.traceId(exchange));
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
}
