package io.colmena.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProblemDetailsIT extends StarterIntegrationTest {

    UUID tenant;
    String token;

    @BeforeEach
    void anAgentOfATenant() {
        tenant = UUID.randomUUID();
        token = ISSUER.accessToken(tenant, "AGENT");
    }

    @Test
    void invalidFieldsAreListedInErrors() {
        HttpResponse<String> response = call("POST", "/api/notes", token, "{\"text\":\"\",\"tag\":\"" + "x".repeat(30) + "\"}",
                Map.of());

        assertProblem(response, 400, "https://colmena.io/problems/validation");
        assertThat(response.body()).contains("\"errors\"").contains("\"field\":\"tag\"").contains("\"field\":\"text\"");
    }

    @Test
    void malformedJsonIsA400WithoutParserInternals() {
        HttpResponse<String> response = call("POST", "/api/notes", token, "{\"text\": ", Map.of());

        assertProblem(response, 400, "https://colmena.io/problems/malformed-body");
        assertThat(response.body()).doesNotContain("jackson").doesNotContain("Exception");
    }

    @Test
    void anUnknownRecordIsA404() {
        HttpResponse<String> response = call("GET", "/api/notes/" + UUID.randomUUID(), token, null, Map.of());

        assertProblem(response, 404, "https://colmena.io/problems/not-found");
    }

    @Test
    void anotherTenantsRecordIsA404() {
        String created = call("POST", "/api/notes", ISSUER.accessToken(UUID.randomUUID(), "AGENT"),
                "{\"text\":\"theirs\"}", Map.of()).body();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        assertProblem(call("GET", "/api/notes/" + id, token, null, Map.of()), 404, "https://colmena.io/problems/not-found");
    }

    @Test
    void anUnknownPathIsA404ThatNamesThePathOnly() {
        HttpResponse<String> response = call("GET", "/api/nothing-here", token, null, Map.of());

        assertProblem(response, 404, "https://colmena.io/problems/not-found");
        assertThat(response.body()).contains("There is no resource at /api/nothing-here")
                .doesNotContain("static");
    }

    @Test
    void aWrongMethodIsA405() {
        assertProblem(call("DELETE", "/api/notes", token, null, Map.of()), 405,
                "https://colmena.io/problems/method-not-allowed");
    }

    @Test
    void aStaleVersionIsA409() {
        String created = call("POST", "/api/notes", token, "{\"text\":\"v0\"}", Map.of()).body();
        String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(call("PUT", "/api/notes/" + id, token, "{\"text\":\"v1\"}", Map.of("If-Match", "0")).statusCode())
                .isEqualTo(200);

        assertProblem(call("PUT", "/api/notes/" + id, token, "{\"text\":\"v1 again\"}", Map.of("If-Match", "0")), 409,
                "https://colmena.io/problems/concurrent-modification");
    }

    @Test
    void anOversizedBodyIsA413() {
        String big = "{\"text\":\"" + "x".repeat(20_000) + "\"}";

        assertProblem(call("POST", "/api/notes", token, big, Map.of()), 413, "https://colmena.io/problems/payload-too-large");
    }

    @Test
    void anUnsupportedMediaTypeIsA415() {
        assertProblem(call("POST", "/api/notes", token, "text=hello", Map.of("Content-Type", "text/plain")), 415,
                "https://colmena.io/problems/unsupported-media-type");
    }

    @Test
    void anUnexpectedErrorIsA500WithoutInternals() {
        HttpResponse<String> response = call("GET", "/api/notes/explode", token, null, Map.of());

        assertProblem(response, 500, "https://colmena.io/problems/internal");
        assertThat(response.body()).doesNotContain("secret_table").doesNotContain("org.example").doesNotContain("Exception");
    }

    @Test
    void aMissingTokenIsA401() {
        assertProblem(call("GET", "/api/notes/" + UUID.randomUUID(), null, null, Map.of()), 401,
                "https://colmena.io/problems/unauthenticated");
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"" + type + "\"")
                .contains("\"status\":" + status)
                .contains("\"title\":")
                .contains("\"instance\":")
                .contains("\"traceId\":");
    }
}
