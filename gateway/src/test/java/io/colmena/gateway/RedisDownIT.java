package io.colmena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with Redis unreachable (its port is a closed port): the API stays up and every
 * caller is still limited, from this instance's memory; the fallback shows in the metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "colmena.gateway.rate-limit.plans.FREE.replenish-rate=1",
        "colmena.gateway.rate-limit.plans.FREE.burst-capacity=4",
        "colmena.gateway.rate-limit.auth-per-ip.burst-capacity=3"})
@org.junit.jupiter.api.extension.ExtendWith(ThreadDumpOnTimeout.class)
class RedisDownIT {

    private static final FakeService IDENTITY = FakeService.start("identity");
    private static final FakeService BACKEND = FakeService.start("ticket");
    private static final UUID TENANT = UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FakeService.routeAll(registry, IDENTITY, BACKEND);
        URI closed = FakeService.closedPort();
        registry.add("spring.data.redis.host", closed::getHost);
        registry.add("spring.data.redis.port", closed::getPort);
    }

    @BeforeAll
    static void tenants() {
        IDENTITY.tenant(TENANT, "FREE", "ACTIVE");
    }

    @AfterAll
    static void stopServices() {
        IDENTITY.close();
        BACKEND.close();
    }

    @LocalServerPort
    int port;

    @Test
    void withRedisDownCallsAreServedAndStillLimitedPerInstanceWithoutWaitingForRedis() {
        String token = RealmTokens.owner(TENANT).accessToken();
        LoadProbe probe = new LoadProbe(URI.create("http://localhost:" + port + "/api/tickets"));

        List<Integer> statuses = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            statuses.add(probe.send(token));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // burst 4 and 1/s: 4 served at once (a fifth if a second passed), the rest refused
        assertThat(statuses.subList(0, 4)).containsOnly(201);
        assertThat(statuses.stream().filter(status -> status == 429).count()).isBetween(2L, 4L);
        assertThat(statuses).containsOnly(201, 429);
        assertThat(took).as("no request waits for Redis").isLessThan(Duration.ofSeconds(4));

        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/auth/login").header("X-Forwarded-For", "198.18.7.7")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isCreated();
        }
        client.post().uri("/api/auth/login").header("X-Forwarded-For", "198.18.7.7")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isEqualTo(429);

        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> {
                    assertThat(metrics).containsPattern("colmena_gateway_ratelimit_fallback_total(\\{[^}]*\\})? ([1-9][0-9]*)\\.0");
                    assertThat(metrics).containsPattern("colmena_gateway_ratelimit_redis_up(\\{[^}]*\\})? 0\\.0");
                });
    }
}
