package io.colmena.gateway.routing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Base URI of each service, bound from {@code colmena.gateway.services.*} and checked at start-up:
 * the gateway refuses to start when one is missing or is not an absolute {@code http(s)} URI
 * without a path.
 *
 * <p>Defaults (in {@code application.yml}) are the local ports of ARCHITECTURE.md §1
 * ({@code http://localhost:8081} … {@code 8088}); override one with, for example,
 * {@code COLMENA_GATEWAY_SERVICES_BILLING=http://billing-service:8084}.
 *
 * @param identity identity-service, e.g. {@code http://localhost:8081}
 * @param crm crm-service, e.g. {@code http://localhost:8082}
 * @param ticket ticket-service, e.g. {@code http://localhost:8083}
 * @param billing billing-service, e.g. {@code http://localhost:8084}
 * @param catalog catalog-service, e.g. {@code http://localhost:8085}
 * @param messaging messaging-service, e.g. {@code http://localhost:8086}
 * @param ai ai-service, e.g. {@code http://localhost:8087}
 * @param infra infra-service, e.g. {@code http://localhost:8088}
 */
@Validated
@ConfigurationProperties("colmena.gateway.services")
public record ServiceUris(
        @NotNull @ServiceBaseUri URI identity,
        @NotNull @ServiceBaseUri URI crm,
        @NotNull @ServiceBaseUri URI ticket,
        @NotNull @ServiceBaseUri URI billing,
        @NotNull @ServiceBaseUri URI catalog,
        @NotNull @ServiceBaseUri URI messaging,
        @NotNull @ServiceBaseUri URI ai,
        @NotNull @ServiceBaseUri URI infra) {

    /** The base URI configured for {@code service}. */
    public URI of(ColmenaService service) {
        return switch (service) {
            case IDENTITY -> identity;
            case CRM -> crm;
            case TICKET -> ticket;
            case BILLING -> billing;
            case CATALOG -> catalog;
            case MESSAGING -> messaging;
            case AI -> ai;
            case INFRA -> infra;
        };
    }
}
