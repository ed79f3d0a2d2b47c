package io.colmena.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.colmena.events.identity.IdentityEvents;
import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantPlanChanged;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Per-plan rate limits end to end: real Keycloak tokens, buckets in the real Redis, plans from an
 * identity-service stand-in and from tenant events on the real Kafka. Rates are raised above the
 * defaults (FREE 10/s burst 20, PRO 50/s burst 100) so that ±1 request is well inside 10 %;
 * STARTER is slowed down (0.5/s burst 3) so that an empty bucket stays empty between two calls
 * even on a loaded machine.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "colmena.gateway.rate-limit.plans.FREE.replenish-rate=10",
        "colmena.gateway.rate-limit.plans.FREE.burst-capacity=20",
        "colmena.gateway.rate-limit.plans.PRO.replenish-rate=50",
        "colmena.gateway.rate-limit.plans.PRO.burst-capacity=100",
        "colmena.gateway.rate-limit.plans.STARTER.replenish-rate=0.5",
        "colmena.gateway.rate-limit.plans.STARTER.burst-capacity=3",
        "colmena.gateway.rate-limit.auth-per-ip.replenish-rate=0.2",
        "colmena.gateway.rate-limit.auth-per-ip.burst-capacity=5"})
@org.junit.jupiter.api.extension.ExtendWith(ThreadDumpOnTimeout.class)
class RateLimitIT {

    private static final FakeService IDENTITY = FakeService.start("identity");
    private static final FakeService BACKEND = FakeService.start("ticket");
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int WORKERS = 3;

    private static final UUID FREE_TENANT = UUID.randomUUID();
    private static final UUID PRO_TENANT = UUID.randomUUID();
    private static final UUID UPGRADED_TENANT = UUID.randomUUID();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        FakeService.routeAll(registry, IDENTITY, BACKEND);
    }

    @BeforeAll
    static void tenants() {
        IDENTITY.tenant(FREE_TENANT, "FREE", "ACTIVE")
                .tenant(PRO_TENANT, "PRO", "ACTIVE")
                .tenant(UPGRADED_TENANT, "FREE", "TRIAL");
    }

    @AfterAll
    static void stopServices() {
        IDENTITY.close();
        BACKEND.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    LoadProbe probe;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        probe = new LoadProbe(URI.create("http://localhost:" + port + "/api/tickets"));
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @Test
    void freeAndProTenantsUnderTheSameLoadGetTheirPlansRates() {
        String free = RealmTokens.owner(FREE_TENANT).accessToken();
        String pro = RealmTokens.owner(PRO_TENANT).accessToken();

        CompletableFuture<LoadProbe.Measured> freeRun = CompletableFuture.supplyAsync(() -> probe.measure(free, WINDOW, WORKERS));
        CompletableFuture<LoadProbe.Measured> proRun = CompletableFuture.supplyAsync(() -> probe.measure(pro, WINDOW, WORKERS));
        LoadProbe.Measured freeMeasured = freeRun.join();
        LoadProbe.Measured proMeasured = proRun.join();

        assertThat(freeMeasured.limited()).as("FREE was over its limit throughout").isPositive();
        assertThat(proMeasured.limited()).as("PRO was over its limit throughout").isPositive();
        assertThat(freeMeasured.other()).isZero();
        assertThat(proMeasured.other()).isZero();
        assertThat(freeMeasured.allowedPerSecond()).as("FREE rate, %s", freeMeasured).isCloseTo(10.0, within(1.0));
        assertThat(proMeasured.allowedPerSecond()).as("PRO rate, %s", proMeasured).isCloseTo(50.0, within(5.0));
    }

    @Test
    void anUpgradeAnnouncedByAnEventAppliesItsRateToTheTokenAlreadyIssued() {
        String token = RealmTokens.owner(UPGRADED_TENANT).accessToken();
        LoadProbe.Measured before = probe.measure(token, WINDOW, WORKERS);
        assertThat(before.allowedPerSecond()).as("FREE rate, %s", before).isCloseTo(10.0, within(1.0));
        int lookups = IDENTITY.tenantLookups();
        awaitTenantEventsAssigned();

        IDENTITY.tenant(UPGRADED_TENANT, "PRO", "TRIAL");
        TenantEvents.publish(IdentityEvents.TENANT_PLAN_CHANGED, UPGRADED_TENANT,
                new TenantPlanChanged(UPGRADED_TENANT, Plan.FREE, Plan.PRO));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                "100".equals(probe.sendForResponse(token).headers().firstValue("X-RateLimit-Limit").orElse(null)));
        LoadProbe.Measured after = probe.measure(token, WINDOW, WORKERS);
        assertThat(after.limited()).isPositive();
        assertThat(after.allowedPerSecond()).as("PRO rate after the upgrade, %s", after).isCloseTo(50.0, within(5.0));
        assertThat(IDENTITY.tenantLookups()).as("learned from the event, same token").isEqualTo(lookups);
    }

    @Test
    void anEmptyBucketAnswers429WithRetryAfterAndAServedCallSaysWhatRemains() {
        UUID tenant = UUID.randomUUID();
        IDENTITY.tenant(tenant, "STARTER", "ACTIVE");
        String token = RealmTokens.owner(tenant).accessToken();
        HttpResponse<String> served = probe.sendForResponse(token);
        assertThat(served.statusCode()).isEqualTo(201);
        assertThat(served.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
        assertThat(served.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
        probe.drain(token, 100);
        BACKEND.clear();

        client.get().uri("/api/tickets").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(seconds).isIn("1", "2"))
                .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader().valueEquals("X-RateLimit-Limit", "3")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://colmena.io/problems/rate-limited")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("STARTER"));
        assertThat(BACKEND.receivedNothing()).as("a refused call reaches no service").isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> probe.send(token) == 201);
    }

    @Test
    void aPartnerClientHasABucketOfItsOwnAtItsTenantsPlanRate() {
        UUID tenant = UUID.randomUUID();
        IDENTITY.tenant(tenant, "FREE", "ACTIVE");
        String owner = RealmTokens.owner(tenant).accessToken();
        RealmTokens.PartnerClient partner = RealmTokens.partnerClient(tenant);
        try {
            String partnerToken = partner.accessToken();
            assertThat(RealmTokens.payload(partnerToken).get("client_id").asString()).isEqualTo(partner.clientId());
            assertThat(RealmTokens.payload(partnerToken).get("tenant_id").asString()).isEqualTo(tenant.toString());

            probe.drain(owner, 1_000);

            HttpResponse<String> partnerCall = probe.sendForResponse(partnerToken);
            assertThat(partnerCall.statusCode()).as("the tenant's people used up their bucket, not the partner's")
                    .isEqualTo(201);
            assertThat(partnerCall.headers().firstValue("X-RateLimit-Limit")).as("FREE burst").hasValue("20");
            assertThat(partnerCall.headers().firstValue("X-RateLimit-Remaining")).hasValue("19");
            assertThat(probe.drain(partnerToken, 1_000)).as("the partner's own FREE bucket").isBetween(20, 24);
        }
        finally {
            partner.delete();
        }
    }

    @Test
    void aTokenWithoutTenantIsLimitedByItsClient() {
        HttpResponse<String> response = probe.sendForResponse(io.colmena.platform.test.KeycloakTokens.serviceToken());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).as("without-tenant burst").hasValue("100");
    }

    @Test
    void loginRegisterAndForgotPasswordAreLimitedPerClientAddress() {
        String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        String other = "198.19." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        String[] paths = {"/api/auth/login", "/api/auth/register", "/api/auth/forgot-password"};
        int served = 0;
        for (int i = 0; i < 5; i++) {
            served += post(paths[i % 3], address + ", 10.0.0.7") == 201 ? 1 : 0;
        }
        assertThat(served).as("the burst of 5 is shared by the three calls").isEqualTo(5);

        client.post().uri("/api/auth/login").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type").isEqualTo("https://colmena.io/problems/rate-limited");
        assertThat(post("/api/auth/forgot-password", address)).isEqualTo(429);

        assertThat(post("/api/auth/login", other)).as("another address has its own bucket").isEqualTo(201);
        // refresh and reset-password are not limited per address
        assertThat(post("/api/auth/refresh", address)).isEqualTo(201);
    }

    private int post(String path, String forwardedFor) {
        return client.post().uri(path).header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().returnResult(String.class).getStatus().value();
    }

    private void awaitTenantEventsAssigned() {
        MessageListenerContainer container = listeners.getListenerContainer("gateway-tenant-events");
        assertThat(container).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                container.getAssignedPartitions() != null && !container.getAssignedPartitions().isEmpty());
    }
}
