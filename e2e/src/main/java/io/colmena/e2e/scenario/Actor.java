package io.colmena.e2e.scenario;

import io.colmena.e2e.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A person of the journey with the access token identity-service gave them (register, login or an
 * accepted invitation).
 *
 * @param name     display name
 * @param email    login
 * @param password password (realm policy: 12+ characters, not the e-mail)
 * @param token    Keycloak access token of realm {@code colmena}, as identity-service returned it
 */
public record Actor(String name, String email, String password, String token) {

    /** The same person with another token. */
    public Actor withToken(String newToken) {
        return new Actor(name, email, password, newToken);
    }

    /** The token's claims (read, not verified: the gateway and the services verify it). */
    public JsonNode claims() {
        String[] parts = token.split("\\.");
        return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** {@code sub}: the user id. */
    public UUID userId() {
        return UUID.fromString(Json.text(claims(), "sub"));
    }

    /** {@code tenant_id}. */
    public UUID tenantId() {
        return UUID.fromString(Json.text(claims(), "tenant_id"));
    }

    /** {@code customer_id}, or {@code null}. */
    public UUID customerId() {
        String id = Json.text(claims(), "customer_id");
        return id == null ? null : UUID.fromString(id);
    }

    /** The flat {@code roles} claim. */
    public List<String> roles() {
        List<String> roles = new ArrayList<>();
        claims().path("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }
}
