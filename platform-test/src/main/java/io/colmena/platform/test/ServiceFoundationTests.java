package io.colmena.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every service must show once booted against the local infrastructure: readiness with its
 * database, an OpenAPI 3.1 document, Prometheus metrics, 401 problems without a token, real
 * Keycloak tokens accepted, the starter's migrations applied and a database role that cannot
 * bypass row-level security. Each service's {@code <Name>ServiceIT} extends it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "colmena.security.issuer-uri=${COLMENA_ISSUER_URI:http://localhost:8180/realms/colmena}")
public abstract class ServiceFoundationTests {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Test
    void isReadyOnceItsDatabaseAnswers() {
        HttpResponse<String> response = get("/actuator/health/readiness", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void publishesItsOpenApi31Document() {
        HttpResponse<String> response = get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\":\"3.1").contains("bearer-jwt");
    }

    @Test
    void exposesPrometheusMetrics() {
        HttpResponse<String> response = get("/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void refusesARequestWithoutTokenWithAProblem() {
        HttpResponse<String> response = get("/api/anything", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("\"traceId\"");
    }

    @Test
    void acceptsARealKeycloakTokenAndAnswersAnUnknownPathWithA404Problem() {
        HttpResponse<String> response = get("/api/no-such-resource", KeycloakTokens.serviceToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("https://colmena.io/problems/not-found").contains("\"traceId\"");
    }

    @Test
    void refusesATamperedKeycloakToken() {
        String token = KeycloakTokens.serviceToken();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThat(get("/api/no-such-resource", tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void appliesThePlatformMigrations() {
        assertThat(jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'", String.class))
                .contains("event_publication", "processed_event", "idempotency_key");
        assertThat(jdbc.queryForObject(
                "select relforcerowsecurity from pg_class where relname = 'idempotency_key'", Boolean.class))
                .isTrue();
    }

    @Test
    void connectsAsARoleThatCannotBypassRowLevelSecurity() {
        Map<String, Object> role = jdbc.queryForMap(
                "select rolsuper, rolbypassrls from pg_roles where rolname = current_user");

        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
    }

    /** GET {@code path} on the booted service, with {@code token} as bearer when given. */
    protected HttpResponse<String> get(String path, String token) {
        return TestHttp.send("GET", URI.create("http://localhost:" + port + path), token, null, Map.of());
    }
}
