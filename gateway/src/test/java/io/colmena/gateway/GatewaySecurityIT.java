package io.colmena.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.colmena.events.identity.IdentityEvents;
import io.colmena.events.identity.TenantStatus;
import io.colmena.events.identity.TenantStatusChanged;
import io.colmena.gateway.security.AccessTokenValidation;
import io.colmena.gateway.security.GatewaySecurityProperties;
import io.colmena.platform.test.KeycloakTestUsers.TestUser;
import io.colmena.platform.test.LocalInfrastructure;
import io.colmena.platform.test.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Token validation, header stripping and tenant standing, end to end: the gateway booted whole
 * with real Keycloak tokens (and forgeries made from them), real Redis and Kafka, and JDK HTTP
 * servers standing in for identity-service ({@code GET /api/tenants/current}) and the other services.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(ThreadDumpOnTimeout.class)
class GatewaySecurityIT {

    private static final FakeService IDENTITY = FakeService.start("identity");
    private static final FakeService BACKEND = FakeService.start("crm");

    private static final UUID ACTIVE_TENANT = UUID.randomUUID();
    private static final UUID SUSPENDED_TENANT = UUID.randomUUID();
    private static final UUID BANNED_TENANT = UUID.randomUUID();
    private static final UUID TENANT_TO_SUSPEND = UUID.randomUUID();
    private static final UUID UNKNOWN_TENANT = UUID.randomUUID();

    private static TestUser owner;
    private static String accessToken;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        FakeService.routeAll(registry, IDENTITY, BACKEND);
    }

    @BeforeAll
    static void tenantsAndTokens() {
        IDENTITY.tenant(ACTIVE_TENANT, "PRO", "ACTIVE")
                .tenant(SUSPENDED_TENANT, "STARTER", "SUSPENDED")
                .tenant(BANNED_TENANT, "FREE", "BANNED")
                .tenant(TENANT_TO_SUSPEND, "PRO", "TRIAL");
        owner = RealmTokens.owner(ACTIVE_TENANT);
        accessToken = owner.accessToken();
    }

    @AfterAll
    static void stopServices() {
        IDENTITY.close();
        BACKEND.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
        IDENTITY.clear();
        BACKEND.clear();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static void assertUnauthenticatedProblem(WebTestClient.ResponseSpec response, String path) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://colmena.io/problems/unauthenticated")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.traceId").isNotEmpty();
    }

    // --- valid tokens ----------------------------------------------------------------------------

    @Test
    void aValidAccessTokenReachesTheServiceAndIsRelayedUnchanged() {
        get("/api/customers/42", accessToken)
                .expectStatus().isCreated()
                .expectHeader().exists("X-RateLimit-Remaining");

        FakeService.Recorded received = BACKEND.takeRequest();
        assertThat(received.uri().getPath()).isEqualTo("/api/customers/42");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + accessToken);
    }

    // --- refused tokens --------------------------------------------------------------------------

    @Test
    void anApiCallWithoutATokenIsA401ProblemAndReachesNoService() {
        WebTestClient.ResponseSpec response = client.get().uri("/api/customers").exchange();

        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"colmena\"");
        assertUnauthenticatedProblem(response, "/api/customers");
        assertThat(BACKEND.receivedNothing()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alg none", "HS256 signed with the realm's public key", "unknown kid", "tampered payload",
            "ID token instead of an access token", "not a JWT"})
    void aTokenThatIsNotAValidAccessTokenIsA401Problem(String forgery) {
        String token = switch (forgery) {
            case "alg none" -> RealmTokens.unsigned(accessToken);
            case "HS256 signed with the realm's public key" -> {
                String kid = RealmTokens.header(accessToken).get("kid").asString();
                yield RealmTokens.hs256(accessToken, kid, RealmTokens.signingKeyPem(kid));
            }
            case "unknown kid" -> {
                ObjectNode header = RealmTokens.header(accessToken);
                header.put("kid", "not-a-key-of-the-realm");
                yield RealmTokens.withHeader(accessToken, header);
            }
            case "tampered payload" -> {
                ObjectNode payload = RealmTokens.payload(accessToken);
                payload.put("tenant_id", UUID.randomUUID().toString());
                yield RealmTokens.withPayload(accessToken, payload);
            }
            case "ID token instead of an access token" -> {
                JsonNode tokens = RealmTokens.openIdTokens(owner);
                String idToken = tokens.get("id_token").asString();
                assertThat(RealmTokens.payload(idToken).get("typ").asString()).isEqualTo("ID");
                // The access token of the same grant is accepted: only the kind of token differs.
                get("/api/customers", tokens.get("access_token").asString()).expectStatus().isCreated();
                BACKEND.clear();
                yield idToken;
            }
            case "not a JWT" -> "opaque-token-value";
            default -> throw new IllegalArgumentException(forgery);
        };

        WebTestClient.ResponseSpec response = get("/api/customers", token);

        response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                value -> assertThat(value).contains("error=\"invalid_token\""));
        assertUnauthenticatedProblem(response, "/api/customers");
        assertThat(BACKEND.receivedNothing()).isTrue();
    }

    @Test
    void anExpiredAccessTokenIsA401Problem() {
        // Accepted first, so the gateway has verified it and remembers it.
        get("/api/customers", accessToken).expectStatus().isCreated();
        BACKEND.clear();
        Instant expiry = Instant.ofEpochSecond(RealmTokens.payload(accessToken).get("exp").asLong());
        // The gateway's clock moves past the token's expiry plus the 60 s clock skew.
        clock.shift(Duration.between(Instant.now(), expiry).plusSeconds(61));

        assertUnauthenticatedProblem(get("/api/customers", accessToken), "/api/customers");
        assertThat(BACKEND.receivedNothing()).isTrue();
    }

    @Test
    void aRealTokenIsRefusedWhereAnotherIssuerOrAnotherAudienceIsExpected() {
        String keys = LocalInfrastructure.issuerUri() + "/protocol/openid-connect/certs";
        GatewaySecurityProperties likeTheGateway = new GatewaySecurityProperties(LocalInfrastructure.issuerUri(), null,
                "colmena-api", Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(30), 10_000);
        StepVerifier.create(AccessTokenValidation.decoder(new GatewaySecurityProperties(
                                LocalInfrastructure.issuerUri().replace("/realms/colmena", "/realms/other"), keys,
                                "colmena-api", Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(30), 10_000),
                        Clock.systemUTC()).decode(accessToken))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(JwtValidationException.class)
                        .hasMessageContaining("iss"))
                .verify(Duration.ofSeconds(10));
        StepVerifier.create(AccessTokenValidation.decoder(new GatewaySecurityProperties(
                                LocalInfrastructure.issuerUri(), null, "partner-api",
                                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofSeconds(30), 10_000),
                        Clock.systemUTC()).decode(accessToken))
                .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(JwtValidationException.class)
                        .hasMessageContaining("aud"))
                .verify(Duration.ofSeconds(10));
        // The same token passes the decoder configured like the gateway.
        StepVerifier.create(AccessTokenValidation.decoder(likeTheGateway, Clock.systemUTC()).decode(accessToken))
                .expectNextCount(1)
                .verifyComplete();
    }

    // --- public endpoints ------------------------------------------------------------------------

    @Test
    void credentialCallsWebhooksAndInvitationsNeedNoTokenAndIgnoreAStaleOne() {
        client.post().uri("/api/auth/refresh").header(HttpHeaders.AUTHORIZATION, "Bearer expired.or.garbage")
                .header("X-Forwarded-For", "198.18.0.1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"refreshToken\":\"r\"}")
                .exchange().expectStatus().isCreated();
        assertThat(IDENTITY.takeRequest().header("Authorization")).isEqualTo("Bearer expired.or.garbage");

        client.post().uri("/webhooks/stripe").bodyValue("{}").exchange().expectStatus().isCreated();
        client.get().uri("/api/auth/invitations/7f1d").exchange().expectStatus().isCreated();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();

        assertUnauthenticatedProblem(client.get().uri("/api/auth/me").exchange(), "/api/auth/me");
        assertUnauthenticatedProblem(client.get().uri("/api/auth/refresh").exchange(), "/api/auth/refresh");
    }

    // --- spoofed headers -------------------------------------------------------------------------

    @Test
    void identityHeadersSentByTheClientNeverReachTheService() {
        UUID otherTenant = UUID.randomUUID();
        client.get().uri("/api/customers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .header("X-Tenant-Id", otherTenant.toString())
                .header("x-user-id", UUID.randomUUID().toString())
                .header("X-User-Roles", "PLATFORM_ADMIN")
                .header("X-Customer-Id", UUID.randomUUID().toString())
                .header("X-Colmena-Tenant", otherTenant.toString())
                .header("X-Colmena-Internal", "true")
                .exchange()
                .expectStatus().isCreated();

        FakeService.Recorded received = BACKEND.takeRequest();
        assertThat(received.headers().keySet())
                .doesNotContain("x-tenant-id", "x-user-id", "x-user-roles", "x-customer-id", "x-colmena-tenant",
                        "x-colmena-internal");
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + accessToken);

        client.post().uri("/webhooks/whatsapp").header("X-Tenant-Id", otherTenant.toString()).bodyValue("{}")
                .exchange().expectStatus().isCreated();
        assertThat(BACKEND.takeRequest().headers()).doesNotContainKey("x-tenant-id");
    }

    // --- tenant standing -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SUSPENDED", "BANNED"})
    void aSuspendedOrBannedTenantGetsA403Problem(String status) {
        UUID tenant = status.equals("SUSPENDED") ? SUSPENDED_TENANT : BANNED_TENANT;
        String token = RealmTokens.owner(tenant).accessToken();

        get("/api/customers", token)
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://colmena.io/problems/tenant-suspended")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(status.toLowerCase()));
        assertThat(BACKEND.receivedNothing()).isTrue();
    }

    @Test
    void aTenantUnknownToIdentityServiceGetsA403Problem() {
        get("/api/customers", RealmTokens.owner(UNKNOWN_TENANT).accessToken())
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://colmena.io/problems/forbidden");
        assertThat(BACKEND.receivedNothing()).isTrue();
    }

    @Test
    void aSuspensionAnnouncedByAnEventAppliesToTheTokenAlreadyIssued() {
        String token = RealmTokens.owner(TENANT_TO_SUSPEND).accessToken();
        get("/api/customers", token).expectStatus().isCreated();
        int lookups = IDENTITY.tenantLookups();
        awaitTenantEventsAssigned();

        TenantEvents.publish(IdentityEvents.TENANT_STATUS_CHANGED, TENANT_TO_SUSPEND,
                new TenantStatusChanged(TENANT_TO_SUSPEND, TenantStatus.TRIAL, TenantStatus.SUSPENDED, "unpaid"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get("/api/customers", token).expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                        .expectBody().jsonPath("$.type").isEqualTo("https://colmena.io/problems/tenant-suspended"));
        assertThat(IDENTITY.tenantLookups()).as("learned from the event, not by asking again").isEqualTo(lookups);

        TenantEvents.publish(IdentityEvents.TENANT_STATUS_CHANGED, TENANT_TO_SUSPEND,
                new TenantStatusChanged(TENANT_TO_SUSPEND, TenantStatus.SUSPENDED, TenantStatus.ACTIVE, "paid"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get("/api/customers", token).expectStatus().isCreated());
    }

    private void awaitTenantEventsAssigned() {
        MessageListenerContainer container = listeners.getListenerContainer("gateway-tenant-events");
        assertThat(container).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty());
    }
}
