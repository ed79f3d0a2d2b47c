package io.colmena.identity.support;

import io.colmena.platform.web.ProblemDetailsAdvice.FieldProblem;
import io.colmena.platform.web.ProblemException;
import io.colmena.platform.web.ProblemTypes;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 400 {@code validation} problems raised by the service itself (rather than by bean validation),
 * in the same shape as the starter's: {@code errors[]} of {@code {field, message, rejectedValue}}.
 */
public final class ValidationProblems {

    private ValidationProblems() {}

    /**
     * One invalid field. {@code rejectedValue} is left out: the fields checked this way include
     * passwords, which are never echoed.
     */
    public static ProblemException field(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, slug(), "Validation failed", "1 field is invalid")
                .with("errors", List.of(new FieldProblem(field, message, null)));
    }

    private static String slug() {
        String type = ProblemTypes.VALIDATION.toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
