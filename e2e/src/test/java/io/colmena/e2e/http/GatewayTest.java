package io.colmena.e2e.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scenarios' HTTP client against a local server playing the gateway's rate limit. */
class GatewayTest {

    private HttpServer server;
    private final AtomicInteger limitedLeft = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/plans", exchange -> {
            byte[] body;
            if (limitedLeft.getAndDecrement() > 0) {
                body = "{\"type\":\"https://colmena.io/problems/rate-limited\",\"status\":429,\"accessToken\":\"eyJhbGciOiJSUzI1NiJ9.secret\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(429, body.length);
            } else {
                body = "[{\"plan\":\"FREE\"}]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
            }
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a429IsSentAgainAfterItsRetryAfterAndBothAttemptsAreReported() {
        limitedLeft.set(1);
        Gateway gateway = new Gateway("http://127.0.0.1:" + server.getAddress().getPort());
        List<HttpCall> heard = new ArrayList<>();
        gateway.listener(heard::add);

        long started = System.nanoTime();
        Response response = gateway.get("/api/plans", "token");

        assertThat(response.status()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited Retry-After").isGreaterThanOrEqualTo(1000);
        assertThat(heard).extracting(HttpCall::status).containsExactly(429, 200);
        assertThat(heard.getFirst().excerpt()).contains("\"accessToken\":\"eyJhbGciOi…\"").doesNotContain("secret");
    }

    @Test
    void aBurstIsNotRetriedAndIsReportedGroupedByStatus() {
        limitedLeft.set(3);
        Gateway gateway = new Gateway("http://127.0.0.1:" + server.getAddress().getPort());
        List<HttpCall> heard = new ArrayList<>();
        gateway.listener(heard::add);

        List<Response> burst = gateway.burst("/api/plans", "token", 8);

        assertThat(burst).extracting(Response::status).filteredOn(s -> s == 429).hasSize(3);
        assertThat(heard).extracting(HttpCall::status).containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
    }
}
