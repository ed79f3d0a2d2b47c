package io.colmena.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.identity.support.Api;
import io.colmena.identity.support.IdentityIntegrationTest;
import io.colmena.identity.support.TestInfrastructure;
import io.colmena.platform.test.KafkaTestRecords;
import io.colmena.platform.test.LocalInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Invitations, the plan's user limit, roles, deactivation and tenant isolation of users. */
class UsersIT extends IdentityIntegrationTest {

    @Test
    void invitingASecondUserOnFreeIsA402NamingTheLimitTheUsageAndThePlanThatLiftsIt() {
        Registered owner = register("Free Co");

        Api.Response response = invite(owner, "agent-" + UUID.randomUUID() + "@test.colmena.local", "AGENT", null);

        assertThat(response.status()).isEqualTo(402);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://colmena.io/problems/plan-limit-reached");
        assertThat(problem.get("limit").asString()).isEqualTo("users");
        assertThat(problem.get("usage").asInt()).isEqualTo(1);
        assertThat(problem.get("allowed").asInt()).isEqualTo(1);
        assertThat(problem.get("plan").asString()).isEqualTo("FREE");
        assertThat(problem.get("upgradeTo").asString()).isEqualTo("STARTER");
    }

    @Test
    void anInvitedUserAcceptsSetsAPasswordAndLogsIn() {
        Registered owner = register("Starter Co");
        setPlan(owner.tenantId(), "STARTER");
        String email = "agent-" + UUID.randomUUID() + "@test.colmena.local";

        Api.Response invited = invite(owner, email, "AGENT", null);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.json().get("status").asString()).isEqualTo("PENDING");
        String token = tokenFrom(awaitMailTo(email, Duration.ofSeconds(20)).orElseThrow());

        Api.Response preview = api.get("/api/auth/invitations/" + token, null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("tenantName").asString()).isEqualTo("Starter Co");
        assertThat(preview.json().get("role").asString()).isEqualTo("AGENT");

        Api.Response weak = api.post("/api/auth/invitations/" + token + "/accept", null, Map.of("password", "tiny"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("message").asString()).contains("minimum length");

        Api.Response accepted = api.post("/api/auth/invitations/" + token + "/accept", null,
                Map.of("password", PASSWORD, "name", "Alba Agent"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        JsonNode claims = claims(accepted.json().get("accessToken").asString());
        assertThat(claims.get("tenant_id").asString()).isEqualTo(owner.tenantId().toString());
        assertThat(claims.get("roles").toString()).contains("AGENT");

        JsonNode login = login(email, PASSWORD);
        Api.Response me = api.get("/api/auth/me", login.get("accessToken").asString());
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"AGENT\"]");
        assertThat(me.json().get("name").asString()).isEqualTo("Alba Agent");

        JsonNode users = api.get("/api/users?sort=email", owner.accessToken()).json();
        assertThat(users.get("page").get("totalElements").asLong()).isEqualTo(2);
        assertThat(users.toString()).contains(email, owner.email());

        Api.Response again = api.post("/api/auth/invitations/" + token + "/accept", null, Map.of("password", PASSWORD));
        assertThat(again.status()).isEqualTo(409);
        assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.user",
                record -> claims.get("sub").asString().equals(record.key())
                        && new String(record.value(), StandardCharsets.UTF_8).contains("AGENT"),
                Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void openInvitationsCountAgainstThePlan() {
        Registered owner = register("Counting Co");
        setPlan(owner.tenantId(), "STARTER");

        assertThat(invite(owner, "a-" + UUID.randomUUID() + "@test.colmena.local", "AGENT", null).status())
                .isEqualTo(201);
        assertThat(invite(owner, "b-" + UUID.randomUUID() + "@test.colmena.local", "AGENT", null).status())
                .isEqualTo(201);
        Api.Response third = invite(owner, "c-" + UUID.randomUUID() + "@test.colmena.local", "AGENT", null);

        assertThat(third.status()).isEqualTo(402);
        assertThat(third.json().get("usage").asInt()).isEqualTo(3);
        assertThat(third.json().get("upgradeTo").asString()).isEqualTo("PRO");
    }

    @Test
    void anExpiredInvitationIsGone() {
        Registered owner = register("Late Co");
        setPlan(owner.tenantId(), "STARTER");
        String email = "late-" + UUID.randomUUID() + "@test.colmena.local";
        invite(owner, email, "AGENT", null);
        String token = tokenFrom(awaitMailTo(email, Duration.ofSeconds(20)).orElseThrow());

        TestInfrastructure.clock().advance(Duration.ofDays(8));

        Api.Response response = api.post("/api/auth/invitations/" + token + "/accept", null, Map.of("password", PASSWORD));
        assertThat(response.status()).isEqualTo(410);
        assertThat(api.get("/api/auth/invitations/not-a-token", null).status()).isEqualTo(404);
    }

    @Test
    void clientUsersAreLinkedToACrmCustomer() {
        Registered owner = register("Portal Co");
        setPlan(owner.tenantId(), "PRO");
        String email = "client-" + UUID.randomUUID() + "@test.colmena.local";
        UUID customer = UUID.randomUUID();

        Api.Response missing = invite(owner, email, "CLIENT", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("customerId");

        assertThat(invite(owner, email, "CLIENT", customer).status()).isEqualTo(201);
        String token = tokenFrom(awaitMailTo(email, Duration.ofSeconds(20)).orElseThrow());
        JsonNode accepted = api.post("/api/auth/invitations/" + token + "/accept", null,
                Map.of("password", PASSWORD)).json();

        JsonNode claims = claims(accepted.get("accessToken").asString());
        assertThat(claims.get("customer_id").asString()).isEqualTo(customer.toString());
        assertThat(claims.get("roles").toString()).contains("CLIENT");
        String clientToken = accepted.get("accessToken").asString();
        assertThat(api.get("/api/users", clientToken).status()).isEqualTo(403);
        assertThat(api.post("/api/users/invite", clientToken, Map.of("email", "x@test.colmena.local",
                "name", "X", "role", "AGENT")).status()).isEqualTo(403);
        assertThat(api.get("/api/tenants/current", clientToken).status()).isEqualTo(200);
    }

    @Test
    void theOwnerChangesRolesAndDeactivatesUsersAndAnAdminCannotTouchAnotherAdmin() {
        Registered owner = register("Roles Co");
        setPlan(owner.tenantId(), "PRO");
        Member agent = join(owner, "AGENT");
        Member admin = join(owner, "AGENT");

        Api.Response promoted = api.put("/api/users/" + admin.id() + "/role", owner.accessToken(), Map.of("role", "ADMIN"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().get("role").asString()).isEqualTo("ADMIN");
        String adminToken = login(admin.email(), PASSWORD).get("accessToken").asString();
        assertThat(claims(adminToken).get("roles").toString()).contains("ADMIN").doesNotContain("AGENT");

        assertThat(api.put("/api/users/" + owner.ownerId() + "/role", adminToken, Map.of("role", "AGENT")).status())
                .isEqualTo(403);
        assertThat(api.put("/api/users/" + agent.id() + "/role", adminToken, Map.of("role", "ADMIN")).status())
                .isEqualTo(403);
        assertThat(api.put("/api/users/" + owner.ownerId() + "/role", owner.accessToken(), Map.of("role", "AGENT"))
                .status()).isEqualTo(409);
        assertThat(api.put("/api/users/" + agent.id() + "/role", owner.accessToken(), Map.of("role", "OWNER"))
                .status()).isEqualTo(400);

        Api.Response renamed = api.put("/api/users/" + agent.id(), adminToken, Map.of("name", "Renamed Agent"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Renamed Agent");

        assertThat(api.delete("/api/users/" + agent.id(), adminToken).status()).isEqualTo(204);
        assertThat(api.get("/api/users/" + agent.id(), owner.accessToken()).json().get("status").asString())
                .isEqualTo("DEACTIVATED");
        assertThat(api.post("/api/auth/login", null, Map.of("email", agent.email(), "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", agent.refreshToken())).status())
                .isEqualTo(401);
        assertThat(api.delete("/api/users/" + owner.ownerId(), adminToken).status()).isEqualTo(409);
        assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.user",
                record -> agent.id().toString().equals(record.key()) && "colmena.identity.user.deactivated".equals(
                        new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)),
                Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void theOwnerHandsTheOrganizationToAnotherUserAfterConfirmingThePassword() throws Exception {
        Registered owner = register("Handover Co");
        setPlan(owner.tenantId(), "PRO");
        Member successor = join(owner, "ADMIN");
        Member client = join(owner, "AGENT");
        assertThat(api.put("/api/users/" + client.id() + "/role", owner.accessToken(),
                Map.of("role", "CLIENT", "customerId", UUID.randomUUID().toString())).status()).isEqualTo(200);
        Registered stranger = register("Stranger Co");
        String path = "/api/tenants/current/transfer-ownership";

        Api.Response wrongPassword = api.post(path, owner.accessToken(),
                Map.of("userId", successor.id().toString(), "currentPassword", "not-" + PASSWORD));
        assertThat(wrongPassword.status()).as(wrongPassword.toString()).isEqualTo(400);
        assertThat(wrongPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        assertThat(api.post(path, owner.accessToken(), Map.of("userId", successor.id().toString())).status())
                .isEqualTo(400);
        assertThat(api.post(path, successor.accessToken(),
                Map.of("userId", successor.id().toString(), "currentPassword", PASSWORD)).status()).isEqualTo(403);
        assertProblem(api.post(path, owner.accessToken(),
                Map.of("userId", owner.ownerId().toString(), "currentPassword", PASSWORD)), 409, "already-owner");
        assertProblem(api.post(path, owner.accessToken(),
                Map.of("userId", client.id().toString(), "currentPassword", PASSWORD)), 409, "owner-must-be-staff");
        assertThat(api.post(path, owner.accessToken(),
                Map.of("userId", stranger.ownerId().toString(), "currentPassword", PASSWORD)).status()).isEqualTo(404);
        assertThat(api.get("/api/users/" + owner.ownerId(), owner.accessToken()).json().get("role").asString())
                .as("nothing changed by the refused calls").isEqualTo("OWNER");

        Api.Response transferred = api.post(path, owner.accessToken(),
                Map.of("userId", successor.id().toString(), "currentPassword", PASSWORD));

        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().get("owner").get("id").asString()).isEqualTo(successor.id().toString());
        assertThat(transferred.json().get("owner").get("role").asString()).isEqualTo("OWNER");
        assertThat(transferred.json().get("previousOwner").get("id").asString()).isEqualTo(owner.ownerId().toString());
        assertThat(transferred.json().get("previousOwner").get("role").asString()).isEqualTo("ADMIN");
        assertThat(api.get("/api/tenants/current", owner.accessToken()).json().get("contactEmail").asString())
                .isEqualTo(successor.email());
        // Both are told, in the tenant's language (a new tenant is es-ES), once the transfer is committed.
        MimeMessage received = awaitMessageTo(successor.email(), Duration.ofSeconds(20)).orElseThrow();
        assertThat(received.getSubject()).isEqualTo("Ya eres titular de Handover Co en Colmena");
        assertThat(part(received, "text/plain")).startsWith("Hola, Invited Person:")
                .contains("Olga Owner te ha traspasado Handover Co. Ahora eres su titular")
                .contains("(Europe/Madrid)");
        MimeMessage handedOver = awaitMessageTo(owner.email(), Duration.ofSeconds(20)).orElseThrow();
        assertThat(handedOver.getSubject()).isEqualTo("Invited Person es ahora titular de Handover Co en Colmena");
        assertThat(part(handedOver, "text/html")).contains("Has traspasado Handover Co a Invited Person")
                .contains("Abrir Colmena");
        JsonNode owners = api.get("/api/users?role=OWNER", owner.accessToken()).json();
        assertThat(owners.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(owners.get("content").get(0).get("id").asString()).isEqualTo(successor.id().toString());
        String newOwnerToken = login(successor.email(), PASSWORD).get("accessToken").asString();
        assertThat(claims(newOwnerToken).get("roles").toString()).contains("OWNER").doesNotContain("ADMIN");
        String formerOwnerToken = login(owner.email(), PASSWORD).get("accessToken").asString();
        assertThat(claims(formerOwnerToken).get("roles").toString()).contains("ADMIN").doesNotContain("OWNER");
        assertThat(api.post(path, formerOwnerToken,
                Map.of("userId", owner.ownerId().toString(), "currentPassword", PASSWORD)).status()).isEqualTo(403);
        assertThat(api.put("/api/users/" + owner.ownerId() + "/role", newOwnerToken, Map.of("role", "AGENT")).status())
                .as("the new owner manages the former one").isEqualTo(200);
        for (Member changed : java.util.List.of(new Member(owner.ownerId(), owner.email(), null, null), successor)) {
            assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.user",
                    record -> changed.id().toString().equals(record.key())
                            && "colmena.identity.user.role-changed".equals(new String(
                                    record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                            && new String(record.value(), StandardCharsets.UTF_8).contains("OWNER"),
                    Duration.ofSeconds(30))).as("role-changed of %s", changed.email()).isPresent();
        }
    }

    private static void assertProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("https://colmena.io/problems/" + slug);
    }

    @Test
    void anotherTenantsUsersAnswer404() {
        Registered tenantA = register("Tenant A");
        Registered tenantB = register("Tenant B");

        assertThat(api.get("/api/users/" + tenantA.ownerId(), tenantB.accessToken()).status()).isEqualTo(404);
        assertThat(api.put("/api/users/" + tenantA.ownerId(), tenantB.accessToken(), Map.of("name", "Hijack"))
                .status()).isEqualTo(404);
        assertThat(api.put("/api/users/" + tenantA.ownerId() + "/role", tenantB.accessToken(),
                Map.of("role", "AGENT")).status()).isEqualTo(404);
        assertThat(api.delete("/api/users/" + tenantA.ownerId(), tenantB.accessToken()).status()).isEqualTo(404);
        JsonNode listed = api.get("/api/users", tenantB.accessToken()).json();
        assertThat(listed.toString()).doesNotContain(tenantA.email());
        assertThat(listed.get("page").get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void anAgentCannotInvite() {
        Registered owner = register("Agent Co");
        setPlan(owner.tenantId(), "STARTER");
        Member agent = join(owner, "AGENT");

        Api.Response response = api.post("/api/users/invite", agent.accessToken(), Map.of(
                "email", "x-" + UUID.randomUUID() + "@test.colmena.local", "name", "X", "role", "AGENT"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.get("/api/users", agent.accessToken()).status()).isEqualTo(200);
    }

    private record Member(UUID id, String email, String accessToken, String refreshToken) {}

    private Member join(Registered owner, String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.colmena.local";
        Api.Response invited = invite(owner, email, role, null);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String token = tokenFrom(awaitMailTo(email, Duration.ofSeconds(20)).orElseThrow());
        JsonNode tokens = api.post("/api/auth/invitations/" + token + "/accept", null, Map.of("password", PASSWORD))
                .json();
        String access = tokens.get("accessToken").asString();
        return new Member(UUID.fromString(claims(access).get("sub").asString()), email, access,
                tokens.get("refreshToken").asString());
    }

    private Api.Response invite(Registered owner, String email, String role, UUID customerId) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "name", "Invited Person", "role", role));
        if (customerId != null) {
            body.put("customerId", customerId.toString());
        }
        return api.post("/api/users/invite", owner.accessToken(), body);
    }
}
