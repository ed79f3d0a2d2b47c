package io.colmena.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;

/**
 * An RFC 9457 problem as the gateway writes it, media type {@code application/problem+json}:
 *
 * <pre>{@code
 * {"type":"https://colmena.io/problems/service-unavailable","title":"Service Unavailable",
 *  "status":503,"detail":"The billing service is unavailable; try again shortly.",
 *  "instance":"/api/invoices","traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}
 * }</pre>
 *
 * @param type stable URI naming the kind of problem (see {@link ProblemTypes}); clients may switch
 *     on it
 * @param title short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code of the response
 * @param detail what went wrong this time, for people; never a stack trace or class name
 * @param instance the request path (without query) that failed
 * @param traceId W3C trace id of the exchange, to find its logs and spans; absent only when
 *     tracing is off
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "traceId"})
public record Problem(URI type, String title, int status, String detail, String instance, String traceId) {
}
