package io.colmena.ticket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.platform.security.Roles;
import io.colmena.platform.test.KafkaTestRecords;
import io.colmena.platform.test.KeycloakTestUsers;
import io.colmena.platform.test.LocalInfrastructure;
import io.colmena.platform.test.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots ticket-service whole against the local PostgreSQL, Kafka and Keycloak, with a
 * {@link MutableClock} in place of the system clock and the scheduled jobs running every second.
 * Users are real Keycloak users of fresh tenants; calls go over HTTP with their real tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "colmena.security.issuer-uri=${COLMENA_ISSUER_URI:http://localhost:8180/realms/colmena}",
        "colmena.ticket.jobs.interval=PT1S",
        "colmena.ticket.jobs.initial-delay=PT1S",
        "logging.level.org.apache.kafka=WARN"})
@Import(TicketIntegrationTest.TestClock.class)
abstract class TicketIntegrationTest {

    static final String TOPIC = "colmena.ticket.ticket";
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return MutableClock.frozenAt(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    /** A user of {@code tenant} with a real token. */
    record User(KeycloakTestUsers.TestUser account, String token) {
        UUID id() {
            return account.userId();
        }
    }

    static User user(UUID tenant, String role) {
        KeycloakTestUsers.TestUser account = KeycloakTestUsers.create(tenant, role,
                Roles.CLIENT.equals(role) ? UUID.randomUUID() : null);
        return new User(account, account.accessToken());
    }

    static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
    }

    HttpResponse<String> call(String method, String path, User user, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                        : JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + user.token());
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s -> %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
        return response.body() == null || response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    JsonNode problem(HttpResponse<String> response, int status, String slug) {
        JsonNode body = ok(response, status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body.get("type").asString()).isEqualTo("https://colmena.io/problems/" + slug);
        return body;
    }

    /** A ticket the CLIENT {@code client} opens. */
    JsonNode openTicket(User client, String title, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "description", "Details of " + title));
        body.putAll(extra);
        return ok(call("POST", "/api/tickets", client, body), 201);
    }

    JsonNode changeStatus(String ticketId, User user, String status) {
        return ok(call("PUT", "/api/tickets/" + ticketId + "/status", user, Map.of("status", status)), 200);
    }

    JsonNode sla(String ticketId, User staff) {
        return ok(call("GET", "/api/tickets/" + ticketId + "/sla", staff, null), 200);
    }

    static JsonNode clock(JsonNode sla, String kind) {
        for (JsonNode clock : sla.get("clocks")) {
            if (clock.get("kind").asString().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("No " + kind + " clock in " + sla);
    }

    static List<String> trail(JsonNode sla, String kind) {
        List<String> kinds = new java.util.ArrayList<>();
        sla.get("events").forEach(event -> {
            if (event.get("clock").asString().equals(kind)) {
                kinds.add(event.get("kind").asString());
            }
        });
        return kinds;
    }

    /** Every record of the ticket topic for {@code ticketId} of CloudEvents type {@code colmena.ticket.ticket.<event>}. */
    static List<ConsumerRecord<String, byte[]>> events(String ticketId, String event, Duration quiet) {
        return KafkaTestRecords.readAll(LocalInfrastructure.kafkaBootstrapServers(), TOPIC,
                record -> ticketId.equals(record.key()) && KafkaTestRecords.header(record, "ce_type")
                        .map(("colmena.ticket.ticket." + event)::equals).orElse(false), quiet);
    }

    static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

}
