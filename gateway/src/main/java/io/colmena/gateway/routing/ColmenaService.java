package io.colmena.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

/**
 * The eight services behind the gateway and the public paths each one owns: the route table of
 * ARCHITECTURE.md §1, kept here and nowhere else. Base URIs come from {@link ServiceUris}.
 *
 * <p>Patterns are Spring {@code PathPattern}s; {@code /x/**} also matches {@code /x} itself, so
 * {@code /api/plans/**} covers the collection {@code /api/plans} and anything below it. Paths are
 * forwarded unchanged: every service serves the same {@code /api/...} path itself. No two services
 * share a pattern ({@code ColmenaServiceTest} checks it).
 */
public enum ColmenaService {

    IDENTITY("identity",
            "/api/auth/**", "/api/users/**", "/api/tenants/**", "/api/plans/**", "/api/partner-clients/**"),
    CRM("crm",
            "/api/customers/**", "/api/contacts/**", "/api/custom-fields/**", "/api/pipelines/**",
            "/api/opportunities/**", "/api/analytics/**", "/api/calendar/**"),
    TICKET("ticket",
            "/api/tickets/**"),
    BILLING("billing",
            "/api/invoices/**", "/api/subscriptions/**", "/api/payments/**", "/api/billing/**",
            "/webhooks/stripe/**"),
    CATALOG("catalog",
            "/api/services/**", "/api/categories/**", "/api/products/**", "/api/attributes/**",
            "/api/configurator/**", "/api/orders/**"),
    MESSAGING("messaging",
            "/api/whatsapp/**", "/api/conversations/**", "/api/autoreply/**", "/api/notifications/**",
            "/api/webhook-subscriptions/**", "/api/realtime/**", "/webhooks/whatsapp/**"),
    AI("ai",
            "/api/ai/**", "/api/kula/**", "/api/rag/**"),
    INFRA("infra",
            "/api/domains/**", "/api/infrastructure/**", "/api/deployments/**", "/api/tunnels/**",
            "/api/settings/**", "/api/logs/**");

    /** Route metadata key naming the {@link #id()} of the service a route leads to. */
    public static final String ROUTE_METADATA_KEY = "colmena.service";

    private final String id;
    private final List<String> paths;

    ColmenaService(String id, String... paths) {
        this.id = id;
        this.paths = List.of(paths);
    }

    /**
     * The short name used in route ids, in {@code colmena.gateway.services.<id>}, in
     * {@code /v3/api-docs/<id>} and in problem details; the module is {@code <id>-service}.
     */
    public String id() {
        return id;
    }

    /** The public path patterns this service owns, in the order of ARCHITECTURE.md §1. */
    public List<String> paths() {
        return paths;
    }

    /** The Maven module and process name, e.g. {@code billing-service}. */
    public String moduleName() {
        return id + "-service";
    }

    /** The service with this {@link #id()}, if any. */
    public static Optional<ColmenaService> byId(String id) {
        return Arrays.stream(values()).filter(service -> service.id.equals(id)).findFirst();
    }

    /**
     * The service the exchange was routed to, read from the matched route's metadata; empty when no
     * service route matched (actuator, Swagger UI, unknown paths).
     */
    public static Optional<ColmenaService> routedTo(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || !(route.getMetadata().get(ROUTE_METADATA_KEY) instanceof String id)) {
            return Optional.empty();
        }
        return byId(id);
    }
}
