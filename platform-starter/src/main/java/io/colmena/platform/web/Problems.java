package io.colmena.platform.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem details the same way everywhere: in MVC advice, in servlet
 * filters and in Spring Security's entry points. Every problem carries {@code instance} (the
 * request path) and {@code traceId} (the current trace, to find the logs).
 */
public class Problems {

    private final ObjectProvider<Tracer> tracer;
    private final JsonMapper jsonMapper;

    public Problems(ObjectProvider<Tracer> tracer, JsonMapper jsonMapper) {
        this.tracer = tracer;
        this.jsonMapper = jsonMapper;
    }

    /** A problem of {@code type} with the given status, title and detail. */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** Adds {@code instance} and {@code traceId} when missing. */
    public ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        String traceId = currentTraceId();
        if (traceId != null && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    /** Writes {@code problem} as {@code application/problem+json}, outside Spring MVC. */
    public void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        complete(problem, request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        jsonMapper.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The flat JSON object of RFC 9457: standard members first, extension members beside them. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private String currentTraceId() {
        Tracer current = tracer.getIfAvailable();
        if (current == null) {
            return null;
        }
        Span span = current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
