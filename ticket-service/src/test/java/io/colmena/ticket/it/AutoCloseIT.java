package io.colmena.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.colmena.platform.security.Roles;
import io.colmena.ticket.ticket.TicketJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AutoCloseIT extends TicketIntegrationTest {

    @Autowired
    TicketJobs jobs;

    User owner;
    User agent;
    User client;

    @BeforeEach
    void aTenantThatClosesAfterThreeDaysWithAReminderAfterOne() {
        UUID tenant = UUID.randomUUID();
        owner = user(tenant, Roles.OWNER);
        agent = user(tenant, Roles.AGENT);
        client = user(tenant, Roles.CLIENT);
        ok(call("PUT", "/api/tickets/settings/auto-close", owner, Map.of("closeAfterDays", 3, "remindAfterDays", 1)),
                200);
    }

    String status(String id) {
        return ok(call("GET", "/api/tickets/" + id, agent, null), 200).get("status").asString();
    }

    @Test
    void aTicketWaitingTooLongGetsAReminderFirstAndIsClosedAfterwards() {
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "Waiting", Map.of()).get("id").asString();
        changeStatus(id, agent, "WAITING_CLIENT");

        clock.set(Instant.parse("2026-03-03T09:59:00Z"));
        jobs.runDue();
        assertThat(events(id, "auto-close-reminder-sent", Duration.ofSeconds(1))).isEmpty();

        clock.set(Instant.parse("2026-03-03T10:01:00Z"));
        jobs.runDue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !events(id, "auto-close-reminder-sent", Duration.ofMillis(500)).isEmpty());
        JsonNode reminder = data(events(id, "auto-close-reminder-sent", Duration.ofSeconds(1)).getFirst());
        assertThat(reminder.get("requesterUserId").asString()).isEqualTo(client.id().toString());
        assertThat(Instant.parse(reminder.get("closesAt").asString())).isEqualTo(Instant.parse("2026-03-05T10:01:00Z"));
        assertThat(status(id)).isEqualTo("WAITING_CLIENT");

        clock.set(Instant.parse("2026-03-05T10:00:30Z"));
        jobs.runDue();
        assertThat(status(id)).isEqualTo("WAITING_CLIENT");

        clock.set(Instant.parse("2026-03-05T10:02:00Z"));
        jobs.runDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("CLOSED"));
        var closing = events(id, "status-changed", Duration.ofSeconds(2)).getLast();
        assertThat(data(closing).get("reason").asString()).isEqualTo("auto-closed");
        assertThat(data(closing).get("changedBy").isNull()).isTrue();
        assertThat(events(id, "auto-close-reminder-sent", Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void aClientReplyStopsTheAutoClose() {
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "Answered in time", Map.of()).get("id").asString();
        changeStatus(id, agent, "WAITING_CLIENT");
        clock.set(Instant.parse("2026-03-03T12:00:00Z"));
        jobs.runDue();
        ok(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "Here is the info")), 201);

        clock.set(Instant.parse("2026-03-09T12:00:00Z"));
        jobs.runDue();

        JsonNode ticket = ok(call("GET", "/api/tickets/" + id, agent, null), 200);
        assertThat(ticket.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(ticket.get("autoCloseAt").isNull()).isTrue();
    }

    @Test
    void settingsAreValidatedAndOnlyOwnersAndAdminsChangeThem() {
        problem(call("PUT", "/api/tickets/settings/auto-close", owner, Map.of("closeAfterDays", 2, "remindAfterDays", 2)),
                422, "invalid-auto-close");
        problem(call("PUT", "/api/tickets/settings/auto-close", agent, Map.of("closeAfterDays", 5, "remindAfterDays", 2)),
                403, "forbidden");
        ok(call("PUT", "/api/tickets/settings/auto-close", owner, Map.of("closeAfterDays", 0, "remindAfterDays", 0)), 200);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "Never auto-closed", Map.of()).get("id").asString();
        JsonNode waiting = changeStatus(id, agent, "WAITING_CLIENT");
        assertThat(waiting.get("autoCloseAt").isNull()).isTrue();
        assertThat(ok(call("GET", "/api/tickets/settings/auto-close", agent, null), 200).get("closeAfterDays").asInt())
                .isZero();
    }
}
