package io.colmena.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Colmena's API gateway: the one public entry point (port 8080) in front of the eight services.
 *
 * <p>It routes every path of the service map (ARCHITECTURE.md §1) to its service without
 * rewriting it ({@link io.colmena.gateway.routing}), shows all services' OpenAPI documents in one
 * Swagger UI ({@link io.colmena.gateway.apidocs}), answers CORS for the single-page apps
 * ({@link io.colmena.gateway.cors}), gives every exchange an {@code X-Request-Id}
 * ({@link io.colmena.gateway.requestid}) and a W3C {@code traceparent} that continues the caller's
 * trace, and turns every gateway failure, above all a service that is down, into an RFC 9457
 * problem ({@link io.colmena.gateway.problem}).
 *
 * <p>It validates the Keycloak access token of every non-public call and drops identity headers
 * sent by clients ({@link io.colmena.gateway.security}), refuses suspended tenants and limits each
 * tenant to its plan's rate with token buckets in Redis ({@link io.colmena.gateway.ratelimit}),
 * knowing plans and statuses from identity-service and its tenant events
 * ({@link io.colmena.gateway.tenant}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /**
     * Starts the gateway.
     * @param args Spring Boot command-line arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

}
