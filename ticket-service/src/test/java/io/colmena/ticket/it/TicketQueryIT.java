package io.colmena.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.platform.security.Roles;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TicketQueryIT extends TicketIntegrationTest {

    UUID tenant;
    User owner;
    User agent;
    UUID customer;

    @BeforeEach
    void aTenantWithStaff() {
        tenant = UUID.randomUUID();
        owner = user(tenant, Roles.OWNER);
        agent = user(tenant, Roles.AGENT);
        customer = UUID.randomUUID();
    }

    String staffTicket(String title, String priority, List<String> tags, String categoryId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "description", "About " + title,
                "priority", priority, "tags", tags, "requesterCustomerId", customer.toString(), "channel", "EMAIL"));
        if (categoryId != null) {
            body.put("categoryId", categoryId);
        }
        return ok(call("POST", "/api/tickets", agent, body), 201).get("id").asString();
    }

    JsonNode list(String query) {
        return ok(call("GET", "/api/tickets?" + query, agent, null), 200);
    }

    @Test
    void theListFiltersSortsAndPages() {
        String network = ok(call("POST", "/api/tickets/categories", owner, Map.of("name", "Network")), 201)
                .get("id").asString();
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String router = staffTicket("Router reboot loop", "HIGH", List.of("network", "Onsite"), network);
        clock.advance(Duration.ofHours(1));
        String printer = staffTicket("Printer jam", "LOW", List.of("hardware"), null);
        clock.advance(Duration.ofHours(1));
        String vpn = staffTicket("VPN 100% broken_now", "URGENT", List.of("network"), network);
        changeStatus(printer, agent, "IN_PROGRESS");
        ok(call("PUT", "/api/tickets/" + vpn + "/assignee", agent, Map.of("assigneeId", agent.id().toString())), 200);

        assertThat(TicketLifecycleIT.ids(list("")).size()).isEqualTo(3);
        assertThat(TicketLifecycleIT.ids(list("sort=createdAt,asc"))).containsExactly(router, printer, vpn);
        assertThat(TicketLifecycleIT.ids(list("sort=priority,desc"))).containsExactly(vpn, router, printer);
        assertThat(TicketLifecycleIT.ids(list("status=IN_PROGRESS"))).containsExactly(printer);
        assertThat(TicketLifecycleIT.ids(list("status=OPEN&priority=HIGH,URGENT&sort=number")))
                .containsExactly(router, vpn);
        assertThat(TicketLifecycleIT.ids(list("tag=ONSITE"))).containsExactly(router);
        assertThat(TicketLifecycleIT.ids(list("tag=network&sort=number,desc"))).containsExactly(vpn, router);
        assertThat(TicketLifecycleIT.ids(list("categoryId=" + network + "&sort=number"))).containsExactly(router, vpn);
        assertThat(TicketLifecycleIT.ids(list("assigneeId=" + agent.id()))).containsExactly(vpn);
        assertThat(TicketLifecycleIT.ids(list("requesterCustomerId=" + customer))).hasSize(3);
        assertThat(TicketLifecycleIT.ids(list("text=jam"))).containsExactly(printer);
        assertThat(TicketLifecycleIT.ids(list("text=100%25"))).containsExactly(vpn);
        assertThat(TicketLifecycleIT.ids(list("text=n_w"))).isEmpty();
        assertThat(TicketLifecycleIT.ids(list("text=TCK-000002"))).containsExactly(printer);
        assertThat(TicketLifecycleIT.ids(list("createdFrom=2026-03-02T10:30:00Z&createdTo=2026-03-02T12:00:00Z")))
                .containsExactly(printer);

        JsonNode page = list("size=2&page=1&sort=number");
        assertThat(TicketLifecycleIT.ids(page)).containsExactly(vpn);
        assertThat(page.get("page").get("number").asInt()).isEqualTo(1);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(2);
        assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(2);
        JsonNode first = page.get("content").get(0);
        assertThat(first.get("categoryName").asString()).isEqualTo("Network");
        assertThat(first.get("channel").asString()).isEqualTo("EMAIL");

        problem(call("GET", "/api/tickets?sort=secret", agent, null), 400, "bad-request");
        problem(call("GET", "/api/tickets?size=1000", agent, null), 400, "validation");
    }

    @Test
    void theCsvExportQuotesFieldsPerRfc4180AndDefusesFormulas() {
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String quoted = staffTicket("Router, \"main\" office", "HIGH", List.of("a", "b"), null);
        staffTicket("=HYPERLINK(\"http://evil\")", "LOW", List.of(), null);

        HttpResponse<String> response = call("GET", "/api/tickets/export.csv?sort=number", agent, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("tickets.csv");
        String[] lines = response.body().split("\r\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("number,id,title,status,priority");
        assertThat(lines[1]).startsWith("TCK-000001," + quoted + ",\"Router, \"\"main\"\" office\",OPEN,HIGH,")
                .contains(",a;b,2026-03-02T10:00:00Z,");
        assertThat(lines[2]).startsWith("TCK-000002,").contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",");
        assertThat(lines[3]).isEmpty();
        assertThat(call("GET", "/api/tickets/export.csv?priority=HIGH", agent, null).body().split("\r\n")).hasSize(2);
        problem(call("GET", "/api/tickets/export.csv", user(tenant, Roles.CLIENT), null), 403, "forbidden");
    }

    @Test
    void categoriesAreManagedByOwnersAndAdminsAndChecked() {
        User client = user(tenant, Roles.CLIENT);
        problem(call("POST", "/api/tickets/categories", agent, Map.of("name", "Billing")), 403, "forbidden");
        JsonNode billing = ok(call("POST", "/api/tickets/categories", owner,
                Map.of("name", "Billing", "description", "Invoices")), 201);
        String id = billing.get("id").asString();
        problem(call("POST", "/api/tickets/categories", owner, Map.of("name", "billing")), 409, "data-conflict");
        assertThat(ok(call("GET", "/api/tickets/categories", client, null), 200)).hasSize(1);

        String ticket = openTicket(client, "Wrong invoice", Map.of("categoryId", id)).get("id").asString();
        assertThat(ok(call("GET", "/api/tickets/" + ticket, client, null), 200).get("categoryName").asString())
                .isEqualTo("Billing");
        problem(call("POST", "/api/tickets", client, Map.of("title", "t", "description", "d",
                "categoryId", UUID.randomUUID().toString())), 422, "unknown-category");
        problem(call("DELETE", "/api/tickets/categories/" + id, owner, null), 409, "category-in-use");
        problem(call("PUT", "/api/tickets/categories/" + id, owner,
                Map.of("name", "Billing", "active", false)), 428, "precondition-required");
        ok(call("PUT", "/api/tickets/categories/" + id, owner, Map.of("name", "Billing", "active", false),
                "If-Match", "\"0\""), 200);
        problem(call("POST", "/api/tickets", client, Map.of("title", "t", "description", "d", "categoryId", id)),
                422, "unknown-category");

        String unused = ok(call("POST", "/api/tickets/categories", owner, Map.of("name", "Spare")), 201)
                .get("id").asString();
        ok(call("DELETE", "/api/tickets/categories/" + unused, owner, null), 204);
        problem(call("GET", "/api/tickets/categories/" + unused, owner, null), 404, "not-found");
        problem(call("GET", "/api/tickets/categories/" + id, user(UUID.randomUUID(), Roles.OWNER), null), 404,
                "not-found");
    }

    @Test
    void staffMustNameTheCustomerAndClientsCannotSetTagsOrRequester() {
        problem(call("POST", "/api/tickets", agent, Map.of("title", "t", "description", "d")), 422,
                "requester-required");
        User client = user(tenant, Roles.CLIENT);
        problem(call("POST", "/api/tickets", client, Map.of("title", "t", "description", "d", "tags", List.of("vip"))),
                403, "forbidden");
        problem(call("POST", "/api/tickets", client, Map.of("title", "", "description", "d")), 400, "validation");
        problem(call("POST", "/api/tickets", client, "{not json"), 400, "malformed-body");
    }
}
