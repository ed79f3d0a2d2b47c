package io.colmena.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where a Colmena service turns exceptions into RFC 9457 problem details.
 *
 * <p>Spring MVC's own exceptions (405, 406, 415, 404 for unknown paths, 413 for uploads) keep
 * their statuses and get Colmena's stable {@code type} URIs; validation failures list each field
 * in {@code errors[]} ({@code field}, {@code message}, {@code rejectedValue}); an unreadable body is
 * a 400 that says so without echoing parser internals; an optimistic-lock failure is a 409; a
 * {@link ProblemException} becomes its own problem; anything else is a 500 that reveals nothing
 * but the {@code traceId} under which it was logged.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Integer, java.net.URI> TYPE_BY_STATUS = Map.of(
            400, ProblemTypes.BAD_REQUEST,
            401, ProblemTypes.UNAUTHENTICATED,
            403, ProblemTypes.FORBIDDEN,
            404, ProblemTypes.NOT_FOUND,
            405, ProblemTypes.METHOD_NOT_ALLOWED,
            406, ProblemTypes.NOT_ACCEPTABLE,
            413, ProblemTypes.PAYLOAD_TOO_LARGE,
            415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
            500, ProblemTypes.INTERNAL);

    private final Problems problems;

    public ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException ex, HttpServletRequest request) {
        return respond(ex.toProblemDetail(), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleOptimisticLock(OptimisticLockingFailureException ex, HttpServletRequest request) {
        return respond(Problems.problem(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION,
                "Concurrent modification",
                "The resource was changed by someone else since you read it; read it again and retry"), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException ex, HttpServletRequest request) {
        log.info("Request refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
        return respond(Problems.problem(HttpStatus.CONFLICT, ProblemTypes.DATA_CONFLICT, "Data conflict",
                "The request conflicts with existing data"), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage(), v.getInvalidValue()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return respond(validationProblem(errors), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return respond(Problems.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "Your role does not allow this action"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                "Internal error", "The request could not be completed; quote the traceId when reporting it"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? new FieldProblem(field.getField(), field.getDefaultMessage(), field.getRejectedValue())
                        : new FieldProblem(error.getObjectName(), error.getDefaultMessage(), null))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                error instanceof FieldError field ? field.getField()
                                        : result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage(), result.getArgument())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof PayloadTooLargeException tooLarge) {
            return handleExceptionInternal(ex, Problems.problem(HttpStatus.CONTENT_TOO_LARGE,
                    ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", tooLarge.getMessage()),
                    headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        return handleExceptionInternal(ex, Problems.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY,
                "Malformed request body",
                "The request body is missing or is not valid JSON of the expected shape"), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "Resource not found", "There is no resource at /" + ex.getResourcePath()), headers,
                HttpStatus.NOT_FOUND, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(TYPE_BY_STATUS.getOrDefault(problem.getStatus(), ProblemTypes.BAD_REQUEST));
            }
            problems.complete(problem, request instanceof ServletWebRequest servlet ? servlet.getRequest() : null);
        }
        return response;
    }

    private static ProblemDetail validationProblem(List<FieldProblem> errors) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Validation failed",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return problem;
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problems.complete(problem, request);
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * One invalid field of a request.
     *
     * @param field         the field's path in the request ({@code lines[0].quantity})
     * @param message       what is wrong with it
     * @param rejectedValue the value sent, when it is safe to echo (never for secrets: annotate
     *                      such fields so they fail before binding)
     */
    public record FieldProblem(String field, String message, Object rejectedValue) {}
}
