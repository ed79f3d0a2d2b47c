package io.colmena.identity.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.colmena.identity.support.Api;
import io.colmena.identity.support.IdentityIntegrationTest;
import io.colmena.platform.test.KeycloakTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Partner clients: real Keycloak client-credentials clients bound to the tenant. */
class PartnerClientsIT extends IdentityIntegrationTest {

    @Test
    void aPartnerClientGetsAClientCredentialsTokenBoundToTheTenantAndCallsTheApi() {
        Registered owner = register("Partner Co");

        Api.Response created = api.post("/api/partner-clients", owner.accessToken(),
                Map.of("name", "Shop integration", "scopes", List.of("users:read", "crm:read")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clientId = created.json().get("client").get("clientId").asString();
        String secret = created.json().get("clientSecret").asString();
        assertThat(created.json().get("tokenEndpoint").asString()).endsWith("/protocol/openid-connect/token");

        String token = KeycloakTokens.clientCredentials(clientId, secret);
        JsonNode claims = claims(token);
        assertThat(claims.get("tenant_id").asString()).isEqualTo(owner.tenantId().toString());
        assertThat(claims.get("client_id").asString()).isEqualTo(clientId);
        assertThat(claims.get("aud").toString()).contains("colmena-api");
        assertThat(claims.get("scope").asString()).contains("users:read", "crm:read");
        assertThat(claims.has("roles")).as("no realm role leaks into partner tokens").isFalse();

        Api.Response users = api.get("/api/users", token);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains(owner.email());
        assertThat(api.get("/api/tenants/current", token).json().get("id").asString())
                .isEqualTo(owner.tenantId().toString());
        assertThat(api.post("/api/users/invite", token, Map.of("email", "p@test.colmena.local", "name", "P",
                "role", "AGENT")).status()).isEqualTo(403);

        JsonNode listed = api.get("/api/partner-clients", owner.accessToken()).json();
        assertThat(listed.toString()).contains(clientId).doesNotContain(secret);

        String id = created.json().get("client").get("id").asString();
        assertThat(api.delete("/api/partner-clients/" + id, owner.accessToken()).status()).isEqualTo(204);
        assertThatThrownBy(() -> KeycloakTokens.clientCredentials(clientId, secret))
                .hasMessageContaining("refused");
        assertThat(api.get("/api/partner-clients/" + id, owner.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void aPartnerClientWithoutUsersReadCannotListUsers() {
        Registered owner = register("Scoped Co");
        JsonNode created = api.post("/api/partner-clients", owner.accessToken(),
                Map.of("name", "CRM sync", "scopes", List.of("crm:read"))).json();

        String token = KeycloakTokens.clientCredentials(created.get("client").get("clientId").asString(),
                created.get("clientSecret").asString());

        assertThat(api.get("/api/users", token).status()).isEqualTo(403);
        api.delete("/api/partner-clients/" + created.get("client").get("id").asString(), owner.accessToken());
    }

    @Test
    void unknownScopesAreRefused() {
        Registered owner = register("Greedy Co");

        Api.Response response = api.post("/api/partner-clients", owner.accessToken(),
                Map.of("name", "Greedy", "scopes", List.of("admin:everything")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");
    }

    @Test
    void anotherTenantsPartnerClientsAnswer404() {
        Registered tenantA = register("Client Owner A");
        Registered tenantB = register("Client Owner B");
        String id = api.post("/api/partner-clients", tenantA.accessToken(),
                Map.of("name", "A's client", "scopes", List.of())).json().get("client").get("id").asString();

        assertThat(api.get("/api/partner-clients/" + id, tenantB.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/api/partner-clients/" + id, tenantB.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/partner-clients", tenantB.accessToken()).body()).doesNotContain(id);
        assertThat(api.get("/api/partner-clients/" + id, tenantA.accessToken()).status()).isEqualTo(200);
        api.delete("/api/partner-clients/" + id, tenantA.accessToken());
    }
}
