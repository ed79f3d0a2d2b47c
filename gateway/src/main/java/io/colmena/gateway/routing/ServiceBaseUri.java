package io.colmena.gateway.routing;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/**
 * A service base URI: absolute, scheme {@code http} or {@code https}, a host, and no path, query
 * or fragment (the gateway forwards the request path unchanged, so a path here would be ignored
 * and mislead). {@code null} is valid; combine with {@code @NotNull}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ServiceBaseUri.Validator.class)
public @interface ServiceBaseUri {

    /** The violation message. */
    String message() default "must be an absolute http(s) URI with a host and without a path, e.g. http://localhost:8084";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Validation payload. */
    Class<? extends Payload>[] payload() default {};

    /** Checks {@link ServiceBaseUri}. */
    final class Validator implements ConstraintValidator<ServiceBaseUri, URI> {

        @Override
        public boolean isValid(URI uri, ConstraintValidatorContext context) {
            if (uri == null) {
                return true;
            }
            String scheme = uri.getScheme();
            String path = uri.getRawPath();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null
                    && (path == null || path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        }
    }
}
