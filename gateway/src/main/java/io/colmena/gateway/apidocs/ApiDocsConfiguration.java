package io.colmena.gateway.apidocs;

import io.colmena.gateway.routing.ColmenaService;
import io.colmena.gateway.routing.ServiceUris;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * One Swagger UI ({@code /swagger-ui.html}) for all services.
 *
 * <p>Each service publishes its OpenAPI 3.1 document at {@code /v3/api-docs} (ARCHITECTURE.md §3).
 * The gateway exposes it as {@code GET /v3/api-docs/<service id>} (for example
 * {@code /v3/api-docs/billing}), rewritten to the service's {@code /v3/api-docs}, and lists the
 * eight documents in Swagger UI's {@code urls} (the "Select a definition" box). The documents are
 * fetched from the gateway's own origin, so the browser needs no CORS for them. A service that is
 * down answers the usual 503 problem for its document.
 *
 * <p>The gateway's own, empty, document stays at {@code /v3/api-docs} because springdoc serves the
 * UI's configuration at {@code /v3/api-docs/swagger-config}; it is not listed.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    /** Where each service publishes its OpenAPI document. */
    static final String SERVICE_API_DOCS_PATH = "/v3/api-docs";

    /** The gateway path of {@code service}'s OpenAPI document. */
    static String gatewayPath(ColmenaService service) {
        return SERVICE_API_DOCS_PATH + "/" + service.id();
    }

    @Bean
    RouteLocator apiDocsRoutes(RouteLocatorBuilder builder, ServiceUris uris) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ColmenaService service : ColmenaService.values()) {
            routes.route(service.id() + "-api-docs", route -> route
                    .path(gatewayPath(service))
                    .and().method(HttpMethod.GET, HttpMethod.HEAD)
                    .filters(filters -> filters.setPath(SERVICE_API_DOCS_PATH))
                    .metadata(ColmenaService.ROUTE_METADATA_KEY, service.id())
                    .uri(uris.of(service)));
        }
        return routes.build();
    }

    /**
     * Adds the services' documents to springdoc's Swagger UI configuration, after any
     * {@code springdoc.swagger-ui.urls} set by hand. Springdoc reads these properties on every
     * request for the UI's configuration, so setting them once at start-up is enough.
     */
    @Bean
    SmartInitializingSingleton swaggerUiServiceUrls(ObjectProvider<SwaggerUiConfigProperties> swaggerUi) {
        return () -> swaggerUi.ifAvailable(properties -> {
            Set<SwaggerUrl> urls = new LinkedHashSet<>();
            if (properties.getUrls() != null) {
                urls.addAll(properties.getUrls());
            }
            for (ColmenaService service : ColmenaService.values()) {
                urls.add(new SwaggerUrl(service.id(), gatewayPath(service), service.moduleName()));
            }
            properties.setUrls(urls);
            if (properties.getUrlsPrimaryName() == null) {
                // Swagger UI matches the primary name against the displayed name.
                properties.setUrlsPrimaryName(ColmenaService.IDENTITY.moduleName());
            }
        });
    }
}
