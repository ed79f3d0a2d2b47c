package io.colmena.identity.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The editable profile of a tenant ({@code PUT /api/tenants/current}); every field is replaced.
 *
 * @param name     business name, 2–120 characters
 * @param industry industry code: lower-case letters, digits and dashes, 2–40 characters
 * @param locale   BCP 47 language tag ({@code es-ES}, {@code en})
 * @param timezone IANA time zone ({@code Europe/Madrid})
 * @param settings JSON object of preferences, at most 100 keys
 */
public record UpdateTenantRequest(
        @NotBlank @Size(min = 2, max = 120) String name,
        @NotBlank @Pattern(regexp = Industry.PATTERN, message = Industry.MESSAGE) String industry,
        @NotBlank @Size(max = 35) String locale,
        @NotBlank @Size(max = 64) String timezone,
        @NotNull @Size(max = 100) Map<String, Object> settings) {}
