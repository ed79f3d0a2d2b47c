package io.colmena.gateway.cors;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins may call the API through the gateway ({@code colmena.gateway.cors.*}).
 *
 * @param allowedOrigins exact origins of the single-page apps, {@code scheme://host[:port]} without
 *     a path or trailing slash (Fetch standard, "origin"); default {@code http://localhost:5173}
 *     (Vite) and {@code http://localhost:3000}; from the environment as a comma-separated list,
 *     {@code COLMENA_GATEWAY_CORS_ALLOWED_ORIGINS=https://app.example.com,https://admin.example.com}
 * @param maxAge how long a browser may cache a preflight answer ({@code Access-Control-Max-Age});
 *     default 1 hour
 */
@Validated
@ConfigurationProperties("colmena.gateway.cors")
public record CorsProperties(
        @NotEmpty List<@NotNull @Pattern(regexp = "https?://[^/\\s*]+", message = "must be an origin such as https://app.example.com (no path, no trailing slash, no wildcard)") String> allowedOrigins,
        @NotNull Duration maxAge) {
}
