package io.colmena.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A business error that becomes an RFC 9457 problem with a stable {@code type}.
 *
 * <p>Services throw it (or a subclass) and the starter's advice renders it; the message is meant
 * for the caller, so it must never carry internals. Extra members (a limit, the allowed
 * transitions) go into {@link #properties()} and appear at the top level of the problem JSON.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /**
     * @param status HTTP status of the answer
     * @param slug   the last segment of the problem's type URI ({@link ProblemTypes#of(String)})
     * @param title  a short, stable summary of the problem type
     * @param detail what went wrong this time, for the caller
     */
    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** 404: the resource does not exist, or belongs to another tenant (never told apart). */
    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Resource not found",
                resource + " " + id + " was not found");
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, "Conflict with the current state", detail);
    }

    /** 422: the request is well-formed but breaks a business rule. */
    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Business rule violated", detail);
    }

    /** Adds a member to the problem body; returns this exception for chaining. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return ProblemTypes.of(slug);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** This exception as a problem body (without {@code instance} and {@code traceId}, added on the way out). */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type());
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
