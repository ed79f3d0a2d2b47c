package io.colmena.gateway.problem;

import io.colmena.gateway.routing.ColmenaService;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;

/**
 * What an exception that reached the gateway's error handler means for the client: status, problem
 * type, title, detail and extra headers, and how loudly to log it. Pure: no Spring context, no I/O.
 *
 * <p>Rules, first match wins, looking through the cause chain:
 * <ol>
 *   <li>connect refused, connect timeout, unknown host, no route to host, a connection pool that is
 *       exhausted, or any 503 → <b>503</b> naming the service;</li>
 *   <li>a 504 (Spring Cloud Gateway's response timeout) or a {@link TimeoutException} → <b>504</b>
 *       naming the service;</li>
 *   <li>another I/O failure while talking to a service (connection closed before the response,
 *       malformed response) → <b>502</b> naming the service;</li>
 *   <li>any other {@link ErrorResponse} (404 no route, 405, 400, 413, 415 …) → its status, with its
 *       headers (e.g. {@code Allow} on a 405);</li>
 *   <li>anything else → <b>500</b> with a fixed detail.</li>
 * </ol>
 * Details never contain exception messages of 5xx causes, class names or stack traces.
 *
 * @param status the response status
 * @param type the problem type URI
 * @param title the problem title
 * @param detail the problem detail, for people
 * @param headers extra response headers (read-only)
 * @param unexpected whether this is a fault of the gateway itself (logged as an error with its
 *     stack trace) rather than an expected answer
 */
record GatewayFailure(HttpStatusCode status, URI type, String title, String detail, HttpHeaders headers,
        boolean unexpected) {

    /**
     * Classifies {@code ex}.
     * @param ex what reached the error handler
     * @param service the service the request was routed to, if any
     * @param method the request method, e.g. {@code GET}
     * @param path the request path, without query
     */
    static GatewayFailure of(Throwable ex, Optional<ColmenaService> service, String method, String path) {
        String serviceName = service.map(s -> "The " + s.id() + " service").orElse("The service");
        HttpStatusCode declared = ex instanceof ErrorResponse response ? response.getStatusCode() : null;

        if (isUnreachable(ex) || (declared != null && declared.value() == 503)) {
            return expected(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                    serviceName + " is unavailable; try again shortly.");
        }
        if ((declared != null && declared.value() == 504) || hasCause(ex, TimeoutException.class)) {
            return expected(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.GATEWAY_TIMEOUT,
                    serviceName + " did not answer in time.");
        }
        if (service.isPresent() && hasCause(ex, IOException.class)) {
            return expected(HttpStatus.BAD_GATEWAY, ProblemTypes.BAD_GATEWAY,
                    serviceName + " closed the connection or sent an invalid response.");
        }
        if (ex instanceof ErrorResponse response && !declared.is5xxServerError()) {
            return fromErrorResponse(response, method, path);
        }
        return new GatewayFailure(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase(),
                "The gateway failed to handle the request; the trace id identifies it in the logs.",
                HttpHeaders.EMPTY, true);
    }

    private static GatewayFailure fromErrorResponse(ErrorResponse response, String method, String path) {
        HttpStatusCode status = response.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status.value();
        String detail = switch (status.value()) {
            case 404 -> "Nothing is served at " + path + ".";
            case 405 -> method + " is not supported on " + path + ".";
            default -> response.getBody().getDetail() != null ? response.getBody().getDetail() : title + ".";
        };
        return new GatewayFailure(status, typeOf(status), title, detail,
                HttpHeaders.readOnlyHttpHeaders(response.getHeaders()), false);
    }

    private static URI typeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemTypes.BAD_REQUEST;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemTypes.ABOUT_BLANK;
        };
    }

    private static GatewayFailure expected(HttpStatus status, URI type, String detail) {
        return new GatewayFailure(status, type, status.getReasonPhrase(), detail, HttpHeaders.EMPTY, false);
    }

    /** Whether the service could not be reached at all, so nothing was sent to it. */
    private static boolean isUnreachable(Throwable ex) {
        return hasCause(ex, ConnectException.class) // also Netty's ConnectTimeoutException
                || hasCause(ex, UnknownHostException.class)
                || hasCause(ex, NoRouteToHostException.class)
                // reactor-netty's shaded pool: PoolAcquireTimeoutException, PoolAcquirePendingLimitException
                || causes(ex).anyMatch(cause -> cause.getClass().getSimpleName().startsWith("PoolAcquire"));
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        return causes(ex).anyMatch(type::isInstance);
    }

    private static Stream<Throwable> causes(Throwable ex) {
        return Stream.iterate(ex, cause -> cause != null, Throwable::getCause).limit(20);
    }
}
