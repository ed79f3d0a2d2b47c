package io.colmena.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends StarterIntegrationTest {

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseAndCreatesNothingMore() {
        UUID tenant = UUID.randomUUID();
        String token = ISSUER.accessToken(tenant, "AGENT");
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());

        HttpResponse<String> first = call("POST", "/api/notes", token, "{\"text\":\"once\"}", key);
        HttpResponse<String> second = call("POST", "/api/notes", token, "{\"text\":\"once\"}", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(count(tenant, "select count(*) from note")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() {
        String token = ISSUER.accessToken(UUID.randomUUID(), "AGENT");
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());
        call("POST", "/api/notes", token, "{\"text\":\"first\"}", key);

        HttpResponse<String> reused = call("POST", "/api/notes", token, "{\"text\":\"second\"}", key);

        ProblemDetailsIT.assertProblem(reused, 422, "https://colmena.io/problems/idempotency-key-reused");
    }

    @Test
    void keysBelongToOneTenant() {
        String key = "shared-" + UUID.randomUUID();
        UUID tenantA = UUID.randomUUID();
        UUID tenantB = UUID.randomUUID();

        call("POST", "/api/notes", ISSUER.accessToken(tenantA, "AGENT"), "{\"text\":\"a\"}", Map.of("Idempotency-Key", key));
        HttpResponse<String> other = call("POST", "/api/notes", ISSUER.accessToken(tenantB, "AGENT"),
                "{\"text\":\"b\"}", Map.of("Idempotency-Key", key));

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(count(tenantB, "select count(*) from note")).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsReplayedToo() {
        String token = ISSUER.accessToken(UUID.randomUUID(), "AGENT");
        Map<String, String> key = Map.of("Idempotency-Key", "invalid-" + UUID.randomUUID());

        HttpResponse<String> first = call("POST", "/api/notes", token, "{\"text\":\"\"}", key);
        HttpResponse<String> second = call("POST", "/api/notes", token, "{\"text\":\"\"}", key);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void withoutAKeyEveryRequestCounts() {
        UUID tenant = UUID.randomUUID();
        String token = ISSUER.accessToken(tenant, "AGENT");

        call("POST", "/api/notes", token, "{\"text\":\"one\"}", Map.of());
        call("POST", "/api/notes", token, "{\"text\":\"one\"}", Map.of());

        assertThat(count(tenant, "select count(*) from note")).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsA400() {
        String token = ISSUER.accessToken(UUID.randomUUID(), "AGENT");

        ProblemDetailsIT.assertProblem(call("POST", "/api/notes", token, "{\"text\":\"x\"}",
                Map.of("Idempotency-Key", "x".repeat(300))), 400, "https://colmena.io/problems/invalid-idempotency-key");
    }
}
