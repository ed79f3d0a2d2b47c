package io.colmena.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real users in the local Keycloak realm {@code colmena}, made through Keycloak's admin REST API,
 * and their real access tokens (password grant of the {@code colmena-identity} client). For tests
 * of services that need a tenant's OWNER, AGENT or CLIENT before identity-service is involved.
 */
public final class KeycloakTestUsers {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "Test-password-" + UUID.randomUUID();

    private KeycloakTestUsers() {}

    /**
     * A user of {@code tenant} with {@code role}.
     *
     * @param userId     the Keycloak id ({@code sub} of its tokens)
     * @param tenantId   its {@code tenant_id}
     * @param customerId its {@code customer_id} (CLIENT users), or {@code null}
     * @param email      its login
     */
    public record TestUser(UUID userId, UUID tenantId, String role, UUID customerId, String email) {

        /** A fresh access token of this user. */
        public String accessToken() {
            return passwordGrant(email, PASSWORD);
        }
    }

    /** Creates a user of {@code tenant} with {@code role} (and {@code customerId} for CLIENT users). */
    public static TestUser create(UUID tenant, String role, UUID customerId) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.colmena.local";
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("tenant_id", List.of(tenant.toString()));
        if (customerId != null) {
            attributes.put("customer_id", List.of(customerId.toString()));
        }
        Map<String, Object> user = Map.of(
                "username", email, "email", email, "emailVerified", true, "enabled", true,
                "firstName", "Test", "lastName", role, "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        String admin = adminToken();
        HttpResponse<String> created = send(HttpRequest.newBuilder(adminUri("/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID userId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String roleJson = send(HttpRequest.newBuilder(adminUri("/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET(), 200).body();
        send(HttpRequest.newBuilder(adminUri("/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]")), 204);
        return new TestUser(userId, tenant, role, customerId, email);
    }

    private static String passwordGrant(String username, String password) {
        return token(LocalInfrastructure.issuerUri(), Map.of("grant_type", "password",
                "client_id", LocalInfrastructure.env("COLMENA_IDENTITY_CLIENT_ID", "colmena-identity"),
                "client_secret", LocalInfrastructure.env("COLMENA_IDENTITY_CLIENT_SECRET",
                        "colmena-identity-local-secret"),
                "username", username, "password", password));
    }

    private static String adminToken() {
        return token(keycloakUrl() + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", LocalInfrastructure.env("KEYCLOAK_ADMIN_USERNAME", "admin"),
                "password", LocalInfrastructure.env("KEYCLOAK_ADMIN_PASSWORD", "admin")));
    }

    private static String token(String realmUri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(realmUri + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200);
        JsonNode json = JSON.readTree(response.body());
        return json.get("access_token").asString();
    }

    private static URI adminUri(String path) {
        return URI.create(keycloakUrl() + "/admin/realms/colmena" + path);
    }

    private static String keycloakUrl() {
        return LocalInfrastructure.env("COLMENA_KEYCLOAK_URL", "http://localhost:8180");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.request().uri() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable: run './platform infra up'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
