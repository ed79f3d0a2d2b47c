package io.colmena.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.colmena.gateway.routing.ColmenaService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real, tiny HTTP service standing in for a Colmena service behind the gateway (JDK
 * {@code HttpServer} on a random loopback port). It records every request it receives and answers:
 * <ul>
 *   <li>{@code GET /v3/api-docs}: a minimal OpenAPI document titled with the service's name;</li>
 *   <li>any path containing {@code /slow}: the same echo, after {@link #SLOW};</li>
 *   <li>{@code GET /api/tenants/current}, once a tenant was {@link #tenant registered}: what
 *       identity-service answers, for the {@code tenant_id} of the bearer token ({@code 404} for
 *       another tenant); these calls are counted ({@link #tenantLookups()}), not recorded;</li>
 *   <li>anything else: {@code 201} with {@code X-Served-By: <name>}, a CORS header of its own
 *       (which the gateway must drop) and a body naming the service.</li>
 * </ul>
 */
final class FakeService implements AutoCloseable {

    /** How long {@code /slow} paths take; longer than the response timeout the ITs configure. */
    static final Duration SLOW = Duration.ofSeconds(4);

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final Map<UUID, String> tenants = new ConcurrentHashMap<>();
    private final AtomicInteger tenantLookups = new AtomicInteger();
    private volatile boolean answersTenants;

    /** A request as the service saw it. Header names are lower case. */
    record Recorded(String method, URI uri, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    private FakeService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a fake service called {@code name}. */
    static FakeService start(String name) {
        return new FakeService(name);
    }

    /** A loopback URI where nothing listens (a port that was free a moment ago). */
    static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    String name() {
        return name;
    }

    /** The next request received, waiting up to 5 s; fails when none arrives. */
    Recorded takeRequest() {
        try {
            Recorded recorded = requests.poll(5, TimeUnit.SECONDS);
            if (recorded == null) {
                throw new AssertionError(name + " received no request");
            }
            return recorded;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Whether no request arrived (without waiting). */
    boolean receivedNothing() {
        return requests.isEmpty();
    }

    void clear() {
        requests.clear();
    }

    /** From now on answers {@code GET /api/tenants/current} for {@code id} like identity-service. */
    FakeService tenant(UUID id, String plan, String status) {
        tenants.put(id, "{\"id\":\"" + id + "\",\"name\":\"Test\",\"industry\":\"RETAIL\",\"plan\":\"" + plan
                + "\",\"status\":\"" + status + "\",\"locale\":\"es-ES\"}");
        answersTenants = true;
        return this;
    }

    /** From now on answers {@code GET /api/tenants/current} for {@code id} with 404. */
    FakeService withoutTenant(UUID id) {
        tenants.remove(id);
        return this;
    }

    /** How many {@code GET /api/tenants/current} calls arrived. */
    int tenantLookups() {
        return tenantLookups.get();
    }

    private static final Pattern TENANT_CLAIM = Pattern.compile("\"tenant_id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** The {@code tenant_id} claim of the request's bearer token, read without checking it. */
    private static UUID tenantOfToken(Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            Matcher matcher = TENANT_CLAIM.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (answersTenants && exchange.getRequestMethod().equals("GET")
                    && exchange.getRequestURI().getPath().equals("/api/tenants/current")) {
                tenantLookups.incrementAndGet();
                UUID tenant = tenantOfToken(exchange.getRequestHeaders());
                String json = tenant == null ? null : tenants.get(tenant);
                byte[] answer = (json != null ? json
                        : "{\"type\":\"https://colmena.io/problems/not-found\",\"status\":404}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", json != null ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(json != null ? 200 : 404, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(), Map.Entry::getValue,
                            (first, second) -> first));
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body));

            String path = exchange.getRequestURI().getPath();
            Headers response = exchange.getResponseHeaders();
            if (path.contains("/slow")) {
                Thread.sleep(SLOW);
            }
            byte[] answer;
            int status;
            if (path.equals("/v3/api-docs")) {
                status = 200;
                answer = """
                        {"openapi":"3.1.0","info":{"title":"%s-service","version":"test"},"paths":{}}\
                        """.formatted(name).getBytes(StandardCharsets.UTF_8);
            }
            else {
                status = 201;
                response.add("X-Served-By", name);
                response.add("Access-Control-Allow-Origin", "*");
                answer = """
                        {"service":"%s","received":"%s"}\
                        """.formatted(name, body.replace("\"", "'")).getBytes(StandardCharsets.UTF_8);
            }
            response.add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Points the gateway's identity-service at {@code identity} and every other service at {@code backend}.
     */
    static void routeAll(DynamicPropertyRegistry registry, FakeService identity,
                         FakeService backend) {
        for (ColmenaService service : ColmenaService.values()) {
            FakeService target = service == ColmenaService.IDENTITY ? identity : backend;
            registry.add("colmena.gateway.services." + service.id(), () -> target.uri().toString());
        }
    }
}
