package io.colmena.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.colmena.platform.security.Roles;
import io.colmena.ticket.ticket.TicketJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TicketSlaIT extends TicketIntegrationTest {

    @Autowired
    TicketJobs jobs;

    UUID tenant;
    User owner;
    User agent;
    User client;

    @BeforeEach
    void aTenantWithStaffAndAClient() {
        tenant = UUID.randomUUID();
        owner = user(tenant, Roles.OWNER);
        agent = user(tenant, Roles.AGENT);
        client = user(tenant, Roles.CLIENT);
    }

    void policy(String priority, int firstResponseMinutes, int resolutionMinutes) {
        ok(call("PUT", "/api/tickets/sla-policies/" + priority, owner,
                Map.of("firstResponseMinutes", firstResponseMinutes, "resolutionMinutes", resolutionMinutes)), 200);
    }

    @Test
    void dueTimesSkipTheWeekendAndAHolidayInTheTenantsTimeZone() {
        ok(call("PUT", "/api/tickets/settings/business-hours", owner, Map.of("timeZone", "Europe/Madrid",
                "workingHours", IntStream.rangeClosed(1, 5).mapToObj(day -> Map.of(
                        "day", java.time.DayOfWeek.of(day).name(), "start", "09:00", "end", "17:00")).toList())), 200);
        ok(call("PUT", "/api/tickets/settings/holidays/2026-03-09", owner, Map.of("name", "Local holiday")), 200);
        policy("HIGH", 120, 960);
        clock.set(madrid("2026-03-06T16:00"));

        String id = openTicket(client, "Server down on Friday", Map.of("priority", "HIGH")).get("id").asString();

        JsonNode sla = sla(id, agent);
        assertThat(sla.get("timeZone").asString()).isEqualTo("Europe/Madrid");
        JsonNode firstResponse = clock(sla, "FIRST_RESPONSE");
        assertThat(firstResponse.get("state").asString()).isEqualTo("RUNNING");
        assertThat(Instant.parse(firstResponse.get("dueAt").asString())).isEqualTo(madrid("2026-03-10T10:00"));
        assertThat(firstResponse.get("remainingBusinessMinutes").asInt()).isEqualTo(120);
        assertThat(Instant.parse(clock(sla, "RESOLUTION").get("dueAt").asString())).isEqualTo(madrid("2026-03-11T16:00"));

        clock.set(madrid("2026-03-07T12:00"));
        JsonNode saturday = clock(sla(id, agent), "FIRST_RESPONSE");
        assertThat(saturday.get("elapsedBusinessMinutes").asInt()).isEqualTo(60);
        assertThat(saturday.get("remainingBusinessMinutes").asInt()).isEqualTo(60);

        clock.set(madrid("2026-03-10T09:30"));
        assertThat(clock(sla(id, agent), "FIRST_RESPONSE").get("remainingBusinessMinutes").asInt()).isEqualTo(30);
        ok(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "On it")), 201);

        JsonNode after = sla(id, agent);
        assertThat(clock(after, "FIRST_RESPONSE").get("state").asString()).isEqualTo("MET");
        assertThat(clock(after, "FIRST_RESPONSE").get("breached").asBoolean()).isFalse();
        assertThat(trail(after, "FIRST_RESPONSE")).containsExactly("STARTED", "MET");
        assertThat(events(id, "sla-breached", Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void theClockPausesWhileTheTicketWaitsForTheClientAndResumesOnTheirReply() {
        policy("MEDIUM", 60, 240);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "Need a new account", Map.of()).get("id").asString();
        clock.advance(Duration.ofMinutes(30));
        ok(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "Which department?")), 201);
        changeStatus(id, agent, "WAITING_CLIENT");

        clock.set(Instant.parse("2026-03-02T15:00:00Z"));
        jobs.runDue();
        JsonNode paused = clock(sla(id, agent), "RESOLUTION");
        assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
        assertThat(paused.get("elapsedBusinessMinutes").asInt()).isEqualTo(30);
        assertThat(paused.get("remainingBusinessMinutes").asInt()).isEqualTo(210);
        assertThat(paused.get("dueAt").isNull()).isTrue();
        assertThat(paused.get("breached").asBoolean()).isFalse();

        ok(call("POST", "/api/tickets/" + id + "/messages", client, Map.of("body", "Accounting")), 201);

        JsonNode sla = sla(id, agent);
        JsonNode resumed = clock(sla, "RESOLUTION");
        assertThat(resumed.get("state").asString()).isEqualTo("RUNNING");
        assertThat(Instant.parse(resumed.get("dueAt").asString())).isEqualTo(Instant.parse("2026-03-03T10:30:00Z"));
        assertThat(trail(sla, "RESOLUTION")).containsExactly("STARTED", "PAUSED", "RESUMED");
        assertThat(trail(sla, "FIRST_RESPONSE")).containsExactly("STARTED", "MET");
        assertThat(sla.get("timeZone").asString()).isEqualTo("Z");

        clock.set(Instant.parse("2026-03-03T10:00:00Z"));
        changeStatus(id, agent, "RESOLVED");
        JsonNode done = clock(sla(id, agent), "RESOLUTION");
        assertThat(done.get("state").asString()).isEqualTo("MET");
        assertThat(done.get("elapsedBusinessMinutes").asInt()).isEqualTo(210);
    }

    @Test
    void anAiReplyOrAnInternalNoteIsNotTheHumanFirstResponse() {
        policy("MEDIUM", 60, 480);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "How do I reset my password?", Map.of()).get("id").asString();

        ok(call("POST", "/api/tickets/" + id + "/messages", agent,
                Map.of("body", "Use the 'forgot password' link", "authorType", "AI")), 201);
        ok(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "AI answered", "internal", true)), 201);

        assertThat(ok(call("GET", "/api/tickets/" + id, agent, null), 200).get("firstResponseAt").isNull()).isTrue();
        assertThat(clock(sla(id, agent), "FIRST_RESPONSE").get("state").asString()).isEqualTo("RUNNING");

        clock.advance(Duration.ofMinutes(10));
        ok(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "Did the AI's answer help?")), 201);

        assertThat(ok(call("GET", "/api/tickets/" + id, agent, null), 200).get("firstResponseAt").asString())
                .isEqualTo("2026-03-02T10:10:00Z");
        assertThat(clock(sla(id, agent), "FIRST_RESPONSE").get("state").asString()).isEqualTo("MET");
    }

    @Test
    void aBreachIsRecordedAndPublishedExactlyOnceHoweverManyTimesTheJobRuns() {
        policy("URGENT", 30, 600);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "Website down", Map.of("priority", "URGENT")).get("id").asString();
        clock.advance(Duration.ofMinutes(31));

        List<CompletableFuture<Integer>> runs = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(jobs::runDue)).toList();
        runs.forEach(CompletableFuture::join);
        jobs.runDue();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(trail(sla(id, agent), "FIRST_RESPONSE")).containsExactly("STARTED", "BREACHED"));
        JsonNode breached = clock(sla(id, agent), "FIRST_RESPONSE");
        assertThat(breached.get("breached").asBoolean()).isTrue();
        assertThat(breached.get("remainingBusinessMinutes").asInt()).isEqualTo(-1);

        clock.advance(Duration.ofMinutes(5));
        jobs.runDue();
        ok(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "Sorry for the wait")), 201);
        JsonNode after = sla(id, agent);
        assertThat(clock(after, "FIRST_RESPONSE").get("state").asString()).isEqualTo("STOPPED");
        assertThat(trail(after, "FIRST_RESPONSE")).containsExactly("STARTED", "BREACHED", "STOPPED");
        assertThat(clock(after, "RESOLUTION").get("breached").asBoolean()).isFalse();

        var published = events(id, "sla-breached", Duration.ofSeconds(4));
        assertThat(published).hasSize(1);
        JsonNode event = data(published.getFirst());
        assertThat(event.get("clock").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(event.get("priority").asString()).isEqualTo("URGENT");
        assertThat(event.get("targetMinutes").asInt()).isEqualTo(30);
        assertThat(Instant.parse(event.get("dueAt").asString())).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));
    }

    @Test
    void aBreachNoticedWhenTheClockStopsLateIsPublishedToo() {
        policy("HIGH", 30, 600);
        clock.set(Instant.parse("2026-03-02T16:50:00Z"));
        String id = openTicket(client, "Late reply", Map.of("priority", "HIGH")).get("id").asString();
        clock.set(Instant.parse("2026-03-03T09:30:00Z"));

        ok(call("POST", "/api/tickets/" + id + "/messages", agent, Map.of("body", "Morning")), 201);

        JsonNode sla = sla(id, agent);
        assertThat(trail(sla, "FIRST_RESPONSE")).containsExactly("STARTED", "BREACHED", "STOPPED");
        assertThat(Instant.parse(clock(sla, "FIRST_RESPONSE").get("dueAt").asString()))
                .isEqualTo(Instant.parse("2026-03-03T09:20:00Z"));
        assertThat(events(id, "sla-breached", Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void raisingThePriorityRetargetsTheRunningClocks() {
        policy("LOW", 240, 2400);
        policy("URGENT", 30, 240);
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "Slow Wi-Fi", Map.of("priority", "LOW")).get("id").asString();
        clock.advance(Duration.ofMinutes(10));

        ok(call("PUT", "/api/tickets/" + id, agent, Map.of("title", "Wi-Fi down", "description", "Whole floor",
                "priority", "URGENT"), "If-Match", "\"0\""), 200);

        JsonNode sla = sla(id, agent);
        JsonNode firstResponse = clock(sla, "FIRST_RESPONSE");
        assertThat(firstResponse.get("priority").asString()).isEqualTo("URGENT");
        assertThat(firstResponse.get("targetMinutes").asInt()).isEqualTo(30);
        assertThat(Instant.parse(firstResponse.get("dueAt").asString())).isEqualTo(Instant.parse("2026-03-02T10:30:00Z"));
        assertThat(trail(sla, "FIRST_RESPONSE")).containsExactly("STARTED", "RETARGETED");
    }

    @Test
    void aPriorityWithoutPolicyHasNoClocksAndOnlyOwnersAndAdminsSetPolicies() {
        clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        String id = openTicket(client, "No SLA", Map.of("priority", "LOW")).get("id").asString();

        assertThat(sla(id, agent).get("clocks")).isEmpty();
        problem(call("GET", "/api/tickets/" + id + "/sla", client, null), 403, "forbidden");
        problem(call("PUT", "/api/tickets/sla-policies/LOW", agent,
                Map.of("firstResponseMinutes", 10, "resolutionMinutes", 20)), 403, "forbidden");
        problem(call("PUT", "/api/tickets/sla-policies/LOW", owner,
                Map.of("firstResponseMinutes", 0, "resolutionMinutes", 20)), 400, "validation");
        problem(call("PUT", "/api/tickets/settings/business-hours", owner, Map.of("timeZone", "Mars/Olympus",
                "workingHours", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00")))), 400,
                "invalid-business-hours");
        problem(call("PUT", "/api/tickets/settings/business-hours", owner, Map.of("timeZone", "UTC",
                "workingHours", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "13:00"),
                        Map.of("day", "MONDAY", "start", "12:00", "end", "17:00")))), 400, "invalid-business-hours");
        assertThat(ok(call("GET", "/api/tickets/sla-policies", agent, null), 200)).hasSize(4);
    }
}
