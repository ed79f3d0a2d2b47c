package io.colmena.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.colmena.events.identity.UserCreated;
import io.colmena.events.identity.UserDeactivated;
import io.colmena.platform.security.Roles;
import io.colmena.platform.test.KafkaTestRecords;
import io.colmena.platform.test.LocalInfrastructure;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TicketLifecycleIT extends TicketIntegrationTest {

    enum S { OPEN, IN_PROGRESS, WAITING_CLIENT, RESOLVED, CLOSED }

    /** The transition table the service must enforce, written out independently of the production enum. */
    static final Map<S, Set<S>> ALLOWED = Map.of(
            S.OPEN, EnumSet.of(S.IN_PROGRESS, S.WAITING_CLIENT, S.RESOLVED, S.CLOSED),
            S.IN_PROGRESS, EnumSet.of(S.WAITING_CLIENT, S.RESOLVED, S.CLOSED),
            S.WAITING_CLIENT, EnumSet.of(S.IN_PROGRESS, S.RESOLVED, S.CLOSED),
            S.RESOLVED, EnumSet.of(S.IN_PROGRESS, S.CLOSED),
            S.CLOSED, EnumSet.noneOf(S.class));

    /** A valid path from OPEN to each status. */
    static final Map<S, List<S>> PATH = Map.of(
            S.OPEN, List.of(),
            S.IN_PROGRESS, List.of(S.IN_PROGRESS),
            S.WAITING_CLIENT, List.of(S.IN_PROGRESS, S.WAITING_CLIENT),
            S.RESOLVED, List.of(S.IN_PROGRESS, S.RESOLVED),
            S.CLOSED, List.of(S.IN_PROGRESS, S.RESOLVED, S.CLOSED));

    UUID tenant;
    User agent;
    User client;

    @BeforeEach
    void aTenantWithAnAgentAndAClient() {
        clock.set(madrid("2026-03-02T10:00"));
        tenant = UUID.randomUUID();
        agent = user(tenant, Roles.AGENT);
        client = user(tenant, Roles.CLIENT);
    }

    @Test
    void aTicketGoesThroughItsWholeLifecycleAndEveryStepIsPublished() {
        var created = call("POST", "/api/tickets", client,
                Map.of("title", "Printer offline", "description", "The office printer is offline", "priority", "HIGH"));
        JsonNode ticket = ok(created, 201);
        String id = ticket.get("id").asString();
        assertThat(ticket.get("number").asString()).isEqualTo("TCK-000001");
        assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
        assertThat(ticket.get("channel").asString()).isEqualTo("PORTAL");
        assertThat(ticket.get("requesterUserId").asString()).isEqualTo(client.id().toString());
        assertThat(ticket.get("requesterCustomerId").asString())
                .isEqualTo(client.account().customerId().toString());
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(created.headers().firstValue("Location")).contains("/api/tickets/" + id);

        ok(call("PUT", "/api/tickets/" + id + "/assignee", agent, Map.of("assigneeId", agent.id().toString())), 200);
        changeStatus(id, agent, "IN_PROGRESS");
        clock.advance(Duration.ofMinutes(5));
        ok(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "Restarting the print server")), 201);
        ok(call("POST", "/api/tickets/" + id + "/messages", agent,
                Map.of("body", "Spooler was stuck, customer's fault", "internal", true)), 201);
        JsonNode waiting = changeStatus(id, agent, "WAITING_CLIENT");
        assertThat(waiting.get("waitingSince").isNull()).isFalse();
        assertThat(waiting.get("autoCloseAt").isNull()).isFalse();

        ok(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "Still offline")), 201);
        JsonNode afterReply = ok(call("GET", "/api/tickets/" + id, client, null), 200);
        assertThat(afterReply.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(afterReply.get("firstResponseAt").asString()).isEqualTo(clock.instant().toString());

        JsonNode resolved = changeStatus(id, agent, "RESOLVED");
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
        JsonNode rated = ok(call("POST", "/api/tickets/" + id + "/rating", client,
                Map.of("score", 5, "comment", "Fast, thanks")), 200);
        assertThat(rated.get("satisfaction").get("score").asInt()).isEqualTo(5);
        problem(call("POST", "/api/tickets/" + id + "/rating", client, Map.of("score", 1)), 409, "already-rated");
        JsonNode closed = changeStatus(id, client, "CLOSED");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(closed.get("allowedTransitions")).isEmpty();
        problem(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "one more")), 409,
                "ticket-closed");

        JsonNode clientView = ok(call("GET", "/api/tickets/" + id + "/messages", client, null), 200);
        JsonNode staffView = ok(call("GET", "/api/tickets/" + id + "/messages", agent, null), 200);
        assertThat(clientView.get("content")).hasSize(2)
                .allSatisfy(message -> assertThat(message.get("internal").asBoolean()).isFalse());
        assertThat(staffView.get("content")).hasSize(3);
        assertThat(staffView.get("page").get("totalElements").asInt()).isEqualTo(3);

        assertThat(events(id, "created", Duration.ofSeconds(2))).hasSize(1);
        assertThat(events(id, "assigned", Duration.ofSeconds(1))).hasSize(1)
                .allSatisfy(r -> assertThat(data(r).get("assigneeId").asString()).isEqualTo(agent.id().toString()));
        assertThat(events(id, "status-changed", Duration.ofSeconds(1))).extracting(r -> data(r).get("status").asString())
                .containsExactly("IN_PROGRESS", "WAITING_CLIENT", "IN_PROGRESS", "RESOLVED", "CLOSED");
        assertThat(events(id, "message-added", Duration.ofSeconds(1)))
                .extracting(r -> data(r).get("authorType").asString() + (data(r).get("internal").asBoolean() ? "/internal" : ""))
                .containsExactly("STAFF", "STAFF/internal", "CLIENT");
        assertThat(events(id, "satisfaction-rated", Duration.ofSeconds(1))).hasSize(1)
                .allSatisfy(r -> assertThat(data(r).get("score").asInt()).isEqualTo(5));
    }

    @Test
    void everyTransitionOutsideTheTableIsA409NamingTheAllowedOnes() {
        int refused = 0;
        for (S from : S.values()) {
            String id = openTicket(client, "From " + from, Map.of()).get("id").asString();
            for (S step : PATH.get(from)) {
                changeStatus(id, agent, step.name());
            }
            for (S to : S.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    continue;
                }
                JsonNode problem = problem(call("PUT", "/api/tickets/" + id + "/status", agent,
                        Map.of("status", to.name())), 409, "invalid-status-transition");
                Set<String> allowed = new TreeSet<>();
                problem.get("allowedTransitions").forEach(s -> allowed.add(s.asString()));
                assertThat(allowed).as("%s -> %s", from, to)
                        .isEqualTo(new TreeSet<>(ALLOWED.get(from).stream().map(Enum::name).toList()));
                assertThat(problem.get("currentStatus").asString()).isEqualTo(from.name());
                assertThat(problem.get("requestedStatus").asString()).isEqualTo(to.name());
                refused++;
            }
            assertThat(ok(call("GET", "/api/tickets/" + id, agent, null), 200).get("status").asString())
                    .isEqualTo(from.name());
        }
        assertThat(refused).isEqualTo(25 - 12);
    }

    @Test
    void everyTransitionInTheTableIsAccepted() {
        for (S from : S.values()) {
            for (S to : ALLOWED.get(from)) {
                String id = openTicket(client, from + " to " + to, Map.of()).get("id").asString();
                for (S step : PATH.get(from)) {
                    changeStatus(id, agent, step.name());
                }
                assertThat(changeStatus(id, agent, to.name()).get("status").asString()).isEqualTo(to.name());
            }
        }
    }

    @Test
    void anEditWithoutIfMatchIs428AndWithAStaleVersionIs409() {
        JsonNode ticket = openTicket(client, "Slow laptop", Map.of());
        String id = ticket.get("id").asString();
        Map<String, Object> edit = Map.of("title", "Very slow laptop", "description", "It takes minutes to boot",
                "priority", "MEDIUM");

        problem(call("PUT", "/api/tickets/" + id, agent, edit), 428, "precondition-required");
        var first = call("PUT", "/api/tickets/" + id, agent, edit, "If-Match", "\"0\"");
        assertThat(ok(first, 200).get("title").asString()).isEqualTo("Very slow laptop");
        assertThat(first.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode stale = problem(call("PUT", "/api/tickets/" + id, client,
                Map.of("title", "Laptop", "description", "Other text", "priority", "MEDIUM"), "If-Match", "\"0\""),
                409, "concurrent-modification");
        assertThat(stale.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(ok(call("GET", "/api/tickets/" + id, agent, null), 200).get("title").asString())
                .isEqualTo("Very slow laptop");
        problem(call("PUT", "/api/tickets/" + id + "/status", agent, Map.of("status", "IN_PROGRESS"),
                "If-Match", "\"0\""), 409, "concurrent-modification");
    }

    @Test
    void aClientMayOnlyEditTitleAndDescription() {
        String id = openTicket(client, "Mail bounce", Map.of()).get("id").asString();

        problem(call("PUT", "/api/tickets/" + id, client, Map.of("title", "Mail bounce", "description", "x",
                "priority", "URGENT"), "If-Match", "\"0\""), 403, "forbidden");
        ok(call("PUT", "/api/tickets/" + id, client, Map.of("title", "Mail bounces", "description", "All of them",
                "priority", "MEDIUM"), "If-Match", "\"0\""), 200);
    }

    @Test
    void aClientSeesAndActsOnlyOnTheirOwnTickets() {
        User otherClient = user(tenant, Roles.CLIENT);
        String mine = openTicket(client, "Mine", Map.of()).get("id").asString();
        String theirs = openTicket(otherClient, "Theirs", Map.of()).get("id").asString();

        problem(call("GET", "/api/tickets/" + theirs, client, null), 404, "not-found");
        problem(call("GET", "/api/tickets/" + theirs + "/messages", client, null), 404, "not-found");
        problem(call("POST", "/api/tickets/" + theirs + "/messages", client, Map.of("body", "hi")), 404, "not-found");
        problem(call("PUT", "/api/tickets/" + theirs + "/status", client, Map.of("status", "CLOSED")), 404, "not-found");
        problem(call("PUT", "/api/tickets/" + theirs, client, Map.of("title", "t", "description", "d",
                "priority", "MEDIUM"), "If-Match", "\"0\""), 404, "not-found");
        JsonNode clientList = ok(call("GET", "/api/tickets?requesterUserId=" + otherClient.id(), client, null), 200);
        assertThat(ids(clientList)).containsExactly(mine);
        assertThat(ids(ok(call("GET", "/api/tickets", agent, null), 200))).containsExactlyInAnyOrder(mine, theirs);
    }

    @Test
    void anotherTenantsTicketIsA404ForEveryone() {
        String id = openTicket(client, "Tenant A only", Map.of()).get("id").asString();
        UUID otherTenant = UUID.randomUUID();
        User foreignOwner = user(otherTenant, Roles.OWNER);

        problem(call("GET", "/api/tickets/" + id, foreignOwner, null), 404, "not-found");
        problem(call("GET", "/api/tickets/" + id + "/sla", foreignOwner, null), 404, "not-found");
        problem(call("PUT", "/api/tickets/" + id + "/status", foreignOwner, Map.of("status", "CLOSED")), 404, "not-found");
        problem(call("POST", "/api/tickets/" + id + "/messages", foreignOwner, Map.of("body", "x")), 404, "not-found");
        assertThat(ids(ok(call("GET", "/api/tickets", foreignOwner, null), 200))).isEmpty();
        assertThat(ok(call("GET", "/api/tickets/" + id, agent, null), 200).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void clientsPostOnlyClientMessagesAndStaffPostStaffOrAiMessages() {
        String id = openTicket(client, "VPN", Map.of()).get("id").asString();

        problem(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "x", "authorType", "AI")),
                403, "forbidden");
        problem(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "x", "authorType", "STAFF")),
                403, "forbidden");
        problem(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "x", "internal", true)),
                403, "forbidden");
        problem(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "x", "authorType", "CLIENT")),
                403, "forbidden");
        JsonNode ai = ok(call("POST", "/api/tickets/" + id + "/messages", agent,
                Map.of("body", "Try reconnecting the VPN", "authorType", "AI")), 201);
        assertThat(ai.get("authorType").asString()).isEqualTo("AI");
        assertThat(ai.get("authorId").asString()).isEqualTo(agent.id().toString());
        problem(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", " ")), 400, "validation");
    }

    @Test
    void mergingMovesTheMessagesAndClosesTheMergedTicketWithALink() {
        String target = openTicket(client, "Email down", Map.of()).get("id").asString();
        String source = openTicket(client, "Email still down", Map.of()).get("id").asString();
        ok(call("POST", "/api/tickets/" + source + "/messages", client, Map.of("body", "Since 9am")), 201);
        ok(call("POST", "/api/tickets/" + source + "/messages", agent, Map.of("body", "Looking")), 201);
        String etag = call("GET", "/api/tickets/" + source, agent, null).headers().firstValue("ETag").orElseThrow();
        ok(call("PUT", "/api/tickets/" + source, agent, Map.of("title", "Email still down", "description", "d",
                "priority", "MEDIUM", "tags", List.of("Email")), "If-Match", etag), 200);

        problem(call("POST", "/api/tickets/" + source + "/merge", client, Map.of("targetTicketId", target)), 403,
                "forbidden");
        problem(call("POST", "/api/tickets/" + source + "/merge", agent, Map.of("targetTicketId", source)), 422,
                "merge-not-allowed");
        String otherCustomers = openTicket(user(tenant, Roles.CLIENT), "Other", Map.of()).get("id").asString();
        problem(call("POST", "/api/tickets/" + source + "/merge", agent, Map.of("targetTicketId", otherCustomers)),
                422, "merge-not-allowed");

        JsonNode merged = ok(call("POST", "/api/tickets/" + source + "/merge", agent,
                Map.of("targetTicketId", target)), 200);
        assertThat(merged.get("id").asString()).isEqualTo(target);
        assertThat(merged.get("tags")).extracting(JsonNode::asString).containsExactly("email");
        JsonNode closed = ok(call("GET", "/api/tickets/" + source, client, null), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("mergedIntoId").asString()).isEqualTo(target);
        JsonNode moved = ok(call("GET", "/api/tickets/" + target + "/messages", client, null), 200);
        assertThat(moved.get("content")).hasSize(2)
                .allSatisfy(m -> assertThat(m.get("mergedFromTicketId").asString()).isEqualTo(source));
        assertThat(ok(call("GET", "/api/tickets/" + source + "/messages", client, null), 200).get("content")).isEmpty();
        assertThat(events(source, "merged", Duration.ofSeconds(2))).hasSize(1)
                .allSatisfy(r -> assertThat(data(r).get("movedMessages").asInt()).isEqualTo(2));
        problem(call("POST", "/api/tickets/" + source + "/merge", agent, Map.of("targetTicketId", target)), 409,
                "ticket-closed");
    }

    @Test
    void onlyTheRequesterRatesAndOnlyOnceTheTicketIsResolved() {
        String id = openTicket(client, "Rate me", Map.of()).get("id").asString();

        problem(call("POST", "/api/tickets/" + id + "/rating", client, Map.of("score", 4)), 409, "ticket-not-resolved");
        changeStatus(id, agent, "RESOLVED");
        problem(call("POST", "/api/tickets/" + id + "/rating", agent, Map.of("score", 4)), 403, "forbidden");
        problem(call("POST", "/api/tickets/" + id + "/rating", client, Map.of("score", 6)), 400, "validation");
        ok(call("POST", "/api/tickets/" + id + "/rating", client, Map.of("score", 4)), 200);
    }

    @Test
    void aClientReplyReopensAResolvedTicketAndAClientCannotResolve() {
        String id = openTicket(client, "Reopen", Map.of()).get("id").asString();
        problem(call("PUT", "/api/tickets/" + id + "/status", client, Map.of("status", "RESOLVED")), 403, "forbidden");
        changeStatus(id, agent, "RESOLVED");

        ok(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "It broke again")), 201);

        JsonNode reopened = ok(call("GET", "/api/tickets/" + id, client, null), 200);
        assertThat(reopened.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(reopened.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void assigningSomeoneWhoIsNotStaffOfTheTenantIs422() {
        String id = openTicket(client, "Assign", Map.of()).get("id").asString();

        problem(call("PUT", "/api/tickets/" + id + "/assignee", agent, Map.of("assigneeId", client.id().toString())),
                422, "unknown-assignee");
        problem(call("PUT", "/api/tickets/" + id + "/assignee", client, Map.of("assigneeId", agent.id().toString())),
                403, "forbidden");
        JsonNode unassigned = ok(call("PUT", "/api/tickets/" + id + "/assignee", agent, "{\"assigneeId\":null}"), 200);
        assertThat(unassigned.get("assigneeId").isNull()).isTrue();
    }

    @Test
    void staffLearnedFromIdentityEventsCanBeAssignedUntilDeactivated() {
        String id = openTicket(client, "For a colleague", Map.of()).get("id").asString();
        UUID colleague = UUID.randomUUID();

        publishIdentityEvent("colmena.identity.user.created", colleague,
                new UserCreated(tenant, colleague, "colleague@example.com", "Colleague", Roles.AGENT, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(call("PUT",
                "/api/tickets/" + id + "/assignee", agent, Map.of("assigneeId", colleague.toString())).statusCode())
                .isEqualTo(200));
        publishIdentityEvent("colmena.identity.user.deactivated", colleague, new UserDeactivated(tenant, colleague));
        ok(call("PUT", "/api/tickets/" + id + "/assignee", agent, "{\"assigneeId\":null}"), 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> problem(call("PUT",
                "/api/tickets/" + id + "/assignee", agent, Map.of("assigneeId", colleague.toString())), 422,
                "unknown-assignee"));
    }

    /** Sends an identity-service event as identity-service's outbox would: a binary-mode CloudEvent. */
    void publishIdentityEvent(String type, UUID userId, Object payload) {
        CloudEvent event = CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(type)
                .withSource(URI.create("identity-service")).withTime(OffsetDateTime.now())
                .withDataSchema(URI.create("urn:colmena:event:" + type + ":v1"))
                .withExtension("tenantid", tenant.toString())
                .withData("application/json", JSON.writeValueAsBytes(payload)).build();
        KafkaTestRecords.send(LocalInfrastructure.kafkaBootstrapServers(),
                KafkaMessageFactory.<String>createWriter("colmena.identity.user", userId.toString()).writeBinary(event));
    }

    @Test
    void ticketNumbersArePerTenantSequences() {
        assertThat(openTicket(client, "one", Map.of()).get("number").asString()).isEqualTo("TCK-000001");
        assertThat(openTicket(client, "two", Map.of()).get("number").asString()).isEqualTo("TCK-000002");
        User elsewhere = user(UUID.randomUUID(), Roles.CLIENT);
        assertThat(openTicket(elsewhere, "first elsewhere", Map.of()).get("number").asString()).isEqualTo("TCK-000001");
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(ticket -> ids.add(ticket.get("id").asString()));
        return ids;
    }
}
