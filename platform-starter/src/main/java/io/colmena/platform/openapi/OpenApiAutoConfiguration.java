package io.colmena.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The service's OpenAPI 3.1 document at {@code /v3/api-docs}: titled after the service, with the
 * Keycloak bearer token as the security scheme of every operation. The gateway shows all of them
 * in one Swagger UI.
 */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    static final String BEARER = "bearer-jwt";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI colmenaOpenApi(@Value("${spring.application.name}") String service,
                           @Value("${colmena.openapi.description:}") String description,
                           @Value("${colmena.openapi.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("Colmena " + service).version(version).description(description))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A Keycloak access token of realm colmena (RS256, aud colmena-api)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
