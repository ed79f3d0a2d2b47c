package io.colmena.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/** The route table against ARCHITECTURE.md §1. */
class ColmenaServiceTest {

    private static List<ColmenaService> owners(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return Arrays.stream(ColmenaService.values())
                .filter(service -> service.paths().stream()
                        .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern).matches(container)))
                .toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/api/auth/login, IDENTITY", "/api/users/me, IDENTITY", "/api/tenants/1/invitations, IDENTITY",
            "/api/plans, IDENTITY", "/api/partner-clients, IDENTITY",
            "/api/customers, CRM", "/api/contacts/1, CRM", "/api/custom-fields, CRM", "/api/pipelines/1/stages, CRM",
            "/api/opportunities/1/stage, CRM", "/api/analytics/funnel, CRM", "/api/calendar/slots, CRM",
            "/api/tickets, TICKET", "/api/tickets/1/messages, TICKET",
            "/api/invoices/1/payments, BILLING", "/api/subscriptions, BILLING", "/api/payments, BILLING",
            "/api/billing/metrics, BILLING", "/webhooks/stripe, BILLING",
            "/api/services, CATALOG", "/api/categories, CATALOG", "/api/products/1/variants, CATALOG",
            "/api/attributes, CATALOG", "/api/configurator/components, CATALOG", "/api/orders/1, CATALOG",
            "/api/whatsapp/numbers, MESSAGING", "/api/conversations/1/messages, MESSAGING",
            "/api/autoreply/rules, MESSAGING", "/api/notifications/templates, MESSAGING",
            "/api/webhook-subscriptions, MESSAGING", "/api/realtime, MESSAGING", "/webhooks/whatsapp, MESSAGING",
            "/api/ai/sessions, AI", "/api/kula/chat, AI", "/api/rag/documents, AI",
            "/api/domains/1/verification, INFRA", "/api/infrastructure/nodes, INFRA", "/api/deployments, INFRA",
            "/api/tunnels, INFRA", "/api/settings, INFRA", "/api/logs, INFRA"})
    void everyPathOfTheServiceMapHasExactlyOneOwner(String path, ColmenaService owner) {
        assertThat(owners(path)).containsExactly(owner);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/unknown", "/api/ticketsx", "/api/ai-things", "/webhooks",
            "/webhooks/paypal", "/v3/api-docs", "/actuator/health", "/swagger-ui.html"})
    void pathsOutsideTheServiceMapHaveNoOwner(String path) {
        assertThat(owners(path)).isEmpty();
    }

    @Test
    void idsAreUniqueAndNameTheModules() {
        assertThat(Arrays.stream(ColmenaService.values()).map(ColmenaService::id)).doesNotHaveDuplicates();
        assertThat(ColmenaService.BILLING.moduleName()).isEqualTo("billing-service");
        assertThat(ColmenaService.byId("crm")).contains(ColmenaService.CRM);
        assertThat(ColmenaService.byId("nope")).isEmpty();
    }
}
