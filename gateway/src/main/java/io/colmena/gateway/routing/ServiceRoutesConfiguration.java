package io.colmena.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per {@link ColmenaService}, id = the service id, matching the service's
 * {@link ColmenaService#paths() paths} and forwarding method, path, query, headers and body
 * unchanged to the base URI from {@link ServiceUris}.
 *
 * <p>Timeouts are global ({@code spring.cloud.gateway.server.webflux.httpclient.connect-timeout}
 * and {@code .response-timeout}); when the service cannot be reached the
 * {@link io.colmena.gateway.problem problem handler} answers 503, when it is too slow 504.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutesConfiguration {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, ServiceUris uris) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ColmenaService service : ColmenaService.values()) {
            routes.route(service.id(), route -> route
                    .path(service.paths().toArray(String[]::new))
                    .metadata(ColmenaService.ROUTE_METADATA_KEY, service.id())
                    .uri(uris.of(service)));
        }
        return routes.build();
    }
}
