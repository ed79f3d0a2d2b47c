package io.colmena.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.identity.support.Api;
import io.colmena.identity.support.IdentityIntegrationTest;
import io.colmena.platform.test.KafkaTestRecords;
import io.colmena.platform.test.LocalInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Registration, login, tokens, password and sessions against the real Keycloak. */
class AuthIT extends IdentityIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registeringCreatesATrialTenantOnFreeWithItsOwnerAndReturnsTokens() {
        Registered owner = register("Pedro IT");

        JsonNode claims = claims(owner.accessToken());
        assertThat(claims.get("roles").toString()).contains("OWNER");
        assertThat(claims.get("aud").toString()).contains("colmena-api");

        Api.Response me = api.get("/api/auth/me", owner.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(owner.email());
        assertThat(me.json().get("name").asString()).isEqualTo("Olga Owner");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"OWNER\"]");
        assertThat(me.json().get("tenant").get("plan").asString()).isEqualTo("FREE");
        assertThat(me.json().get("tenant").get("status").asString()).isEqualTo("TRIAL");
        assertThat(api.get("/api/users/" + owner.ownerId(), owner.accessToken()).json().get("lastLoginAt").isNull())
                .as("registering logs the owner in").isFalse();

        JsonNode tenant = api.get("/api/tenants/current", owner.accessToken()).json();
        assertThat(tenant.get("name").asString()).isEqualTo("Pedro IT");
        assertThat(tenant.get("industry").asString()).isEqualTo("it-services");
        Instant trialEnds = Instant.parse(tenant.get("trialEndsAt").asString());
        assertThat(trialEnds).isBetween(Instant.now().plus(Duration.ofDays(14)).minusSeconds(120),
                Instant.now().plus(Duration.ofDays(14)).plusSeconds(120));

        assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.tenant",
                record -> owner.tenantId().toString().equals(record.key())
                        && "colmena.identity.tenant.created".equals(header(record.headers().lastHeader("ce_type"))),
                Duration.ofSeconds(30))).isPresent();
        assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.user",
                record -> owner.ownerId().toString().equals(record.key()), Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void aPasswordThatBreaksThePolicyIsA400ThatSaysWhyAndCreatesNothing() {
        String email = "weak-" + UUID.randomUUID() + "@test.colmena.local";

        Api.Response response = api.post("/api/auth/register", null, Map.of("businessName", "Weak Ltd",
                "industry", "retail", "ownerName", "Wendy Weak", "email", email, "password", "short-pw"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("https://colmena.io/problems/validation");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("password");
        assertThat(error.get("message").asString()).contains("minimum length 12");
        assertThat(response.body()).doesNotContain("short-pw");
        assertThat(jdbc.queryForObject("select count(*) from tenant where contact_email = ?", Long.class, email))
                .isZero();
        assertThat(api.post("/api/auth/login", null, Map.of("email", email, "password", "short-pw")).status())
                .isEqualTo(401);
    }

    @Test
    void registeringAnEmailThatAlreadyHasAnAccountIsAConflict() {
        Registered owner = register("First Co");

        Api.Response again = api.post("/api/auth/register", null, Map.of("businessName", "Second Co",
                "industry", "retail", "ownerName", "Other Person", "email", owner.email(), "password", PASSWORD));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/email-taken");
    }

    @Test
    void invalidRegistrationFieldsAreListed() {
        Api.Response response = api.post("/api/auth/register", null, Map.of("businessName", "X",
                "industry", "Not A Code", "ownerName", "", "email", "not-an-email", "password", PASSWORD));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("businessName", "industry", "ownerName", "email");
    }

    @Test
    void loginRefreshAndLogoutAfterWhichTheOldRefreshTokenIsRefused() {
        Registered owner = register("Login Co");

        JsonNode tokens = login(owner.email(), PASSWORD);
        assertThat(tokens.get("tokenType").asString()).isEqualToIgnoringCase("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isPositive();
        String refresh = tokens.get("refreshToken").asString();

        Api.Response refreshed = api.post("/api/auth/refresh", null, Map.of("refreshToken", refresh));
        assertThat(refreshed.status()).isEqualTo(200);
        String newAccess = refreshed.json().get("accessToken").asString();
        String newRefresh = refreshed.json().get("refreshToken").asString();
        assertThat(api.get("/api/auth/me", newAccess).status()).isEqualTo(200);

        assertThat(api.post("/api/auth/logout", newAccess, Map.of("refreshToken", newRefresh)).status())
                .isEqualTo(204);

        Api.Response afterLogout = api.post("/api/auth/refresh", null, Map.of("refreshToken", newRefresh));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.json().get("type").asString()).endsWith("/invalid-refresh-token");
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", refresh)).status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsA401Problem() {
        Registered owner = register("Wrong Co");

        Api.Response response = api.post("/api/auth/login", null,
                Map.of("email", owner.email(), "password", "Not-the-password-1"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("type").asString()).endsWith("/invalid-credentials");
    }

    @Test
    void logoutNeedsAnAccessToken() {
        assertThat(api.post("/api/auth/logout", null, Map.of("refreshToken", "x")).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", null).status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndThePolicy() {
        Registered owner = register("Password Co");
        String newPassword = "Another-strong-pass-7";

        Api.Response wrongCurrent = api.put("/api/auth/password", owner.accessToken(),
                Map.of("currentPassword", "Not-the-password-1", "newPassword", newPassword));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");

        Api.Response weak = api.put("/api/auth/password", owner.accessToken(),
                Map.of("currentPassword", PASSWORD, "newPassword", "tiny"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(weak.json().get("errors").get(0).get("message").asString()).contains("minimum length");

        assertThat(api.put("/api/auth/password", owner.accessToken(),
                Map.of("currentPassword", PASSWORD, "newPassword", newPassword)).status()).isEqualTo(204);

        assertThat(api.post("/api/auth/login", null, Map.of("email", owner.email(), "password", PASSWORD)).status())
                .isEqualTo(401);
        assertThat(login(owner.email(), newPassword).get("accessToken").asString()).isNotBlank();
    }

    @Test
    void sessionsAreListedAndOneCanBeEnded() {
        Registered owner = register("Sessions Co");
        JsonNode second = login(owner.email(), PASSWORD);
        String secondSession = claims(second.get("accessToken").asString()).get("sid").asString();

        Api.Response sessions = api.get("/api/auth/sessions", owner.accessToken());
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.json().size()).isGreaterThanOrEqualTo(2);
        String currentSession = claims(owner.accessToken()).get("sid").asString();
        boolean currentMarked = false;
        for (JsonNode session : sessions.json()) {
            if (session.get("id").asString().equals(currentSession)) {
                currentMarked = session.get("current").asBoolean();
            }
        }
        assertThat(currentMarked).isTrue();

        assertThat(api.delete("/api/auth/sessions/" + secondSession, owner.accessToken()).status()).isEqualTo(204);

        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", second.get("refreshToken").asString()))
                .status()).isEqualTo(401);
        assertThat(api.get("/api/auth/sessions", owner.accessToken()).body()).doesNotContain(secondSession);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", owner.refreshToken())).status())
                .isEqualTo(200);
    }

    @Test
    void anotherUsersSessionCannotBeEnded() {
        Registered mallory = register("Mallory Co");
        Registered victim = register("Victim Co");
        String victimSession = claims(victim.accessToken()).get("sid").asString();

        assertThat(api.delete("/api/auth/sessions/" + victimSession, mallory.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", victim.refreshToken())).status())
                .isEqualTo(200);
    }

    @Test
    void forgotPasswordAlwaysAnswers202AndMailsALinkThatResetsThePasswordOnce() {
        Registered owner = register("Forgot Co");
        String unknown = "nobody-" + UUID.randomUUID() + "@test.colmena.local";

        assertThat(api.post("/api/auth/forgot-password", null, Map.of("email", unknown)).status()).isEqualTo(202);
        assertThat(api.post("/api/auth/forgot-password", null, Map.of("email", owner.email())).status())
                .isEqualTo(202);

        String mail = awaitMailTo(owner.email(), Duration.ofSeconds(20)).orElseThrow();
        String token = tokenFrom(mail);
        assertThat(awaitMailTo(unknown, Duration.ofSeconds(2))).isEmpty();

        Api.Response weak = api.post("/api/auth/reset-password", null, Map.of("token", token, "newPassword", "tiny"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");

        String newPassword = "Reset-password-works-3";
        assertThat(api.post("/api/auth/reset-password", null, Map.of("token", token, "newPassword", newPassword))
                .status()).isEqualTo(204);
        assertThat(login(owner.email(), newPassword).get("accessToken").asString()).isNotBlank();
        assertThat(api.post("/api/auth/refresh", null, Map.of("refreshToken", owner.refreshToken())).status())
                .as("a reset ends every session").isEqualTo(401);

        Api.Response reused = api.post("/api/auth/reset-password", null,
                Map.of("token", token, "newPassword", "Yet-another-password-4"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("type").asString()).endsWith("/invalid-reset-token");
        assertThat(jdbc.queryForObject("select count(*) from password_reset_token where token_hash = ?", Long.class,
                token)).as("only the hash is stored").isZero();
    }

    @Test
    void anExpiredResetLinkIsRefused() {
        Registered owner = register("Expired Link Co");
        api.post("/api/auth/forgot-password", null, Map.of("email", owner.email()));
        String token = tokenFrom(awaitMailTo(owner.email(), Duration.ofSeconds(20)).orElseThrow());

        io.colmena.identity.support.TestInfrastructure.clock().advance(Duration.ofHours(2));
        Api.Response response = api.post("/api/auth/reset-password", null,
                Map.of("token", token, "newPassword", "Too-late-password-5"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).endsWith("/invalid-reset-token");
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
