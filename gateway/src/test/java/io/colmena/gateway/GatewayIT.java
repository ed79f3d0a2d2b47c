package io.colmena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.gateway.routing.ColmenaService;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway booted whole on a random port in front of real HTTP services ({@link FakeService}),
 * one per Colmena service; infra-service is "down" (its URI is a closed port). Calls carry a real
 * access token of an ENTERPRISE tenant that the identity stand-in knows, from an address of their
 * own (so that the per-IP limit of the auth calls starts afresh on every run).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // Short, so the timeout test is quick; FakeService.SLOW is longer.
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        "management.tracing.sampling.probability=1.0"})
@org.junit.jupiter.api.extension.ExtendWith({ThreadDumpOnTimeout.class, OutputCaptureExtension.class})
class GatewayIT {

    private static final Map<ColmenaService, FakeService> SERVICES = new EnumMap<>(ColmenaService.class);
    private static final ColmenaService DOWN = ColmenaService.INFRA;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final java.util.UUID TENANT = java.util.UUID.randomUUID();
    private static final String CLIENT_ADDRESS = "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(1, 255);
    private static String accessToken;

    static {
        for (ColmenaService service : ColmenaService.values()) {
            if (service != DOWN) {
                SERVICES.put(service, FakeService.start(service.id()));
            }
        }
    }

    @DynamicPropertySource
    static void serviceUris(DynamicPropertyRegistry registry) {
        for (ColmenaService service : ColmenaService.values()) {
            registry.add("colmena.gateway.services." + service.id(),
                    () -> service == DOWN ? FakeService.closedPort().toString() : SERVICES.get(service).uri().toString());
        }
    }

    @BeforeAll
    static void tenantAndToken() {
        SERVICES.get(ColmenaService.IDENTITY).tenant(TENANT, "ENTERPRISE", "ACTIVE");
        accessToken = RealmTokens.owner(TENANT).accessToken();
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(FakeService::close);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .defaultHeader("X-Forwarded-For", CLIENT_ADDRESS)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        SERVICES.values().forEach(FakeService::clear);
    }

    private static FakeService service(ColmenaService service) {
        return SERVICES.get(service);
    }

    // --- routing ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "POST, /api/auth/login, IDENTITY",
            "GET, /api/plans, IDENTITY",
            "PUT, /api/partner-clients/42, IDENTITY",
            "PATCH, /api/opportunities/7/stage, CRM",
            "GET, /api/calendar, CRM",
            "POST, /api/tickets/9/messages, TICKET",
            "POST, /api/invoices/1/payments, BILLING",
            "POST, /webhooks/stripe, BILLING",
            "DELETE, /api/configurator/components/3, CATALOG",
            "POST, /webhooks/whatsapp, MESSAGING",
            "GET, /api/realtime, MESSAGING",
            "POST, /api/rag/documents, AI"})
    void routesPathQueryAndBodyUnchangedToTheOwningService(String method, String path, ColmenaService owner) {
        String body = "{\"amountMinor\":1250,\"currency\":\"EUR\"}";
        EntityExchangeResult<String> result = client.method(HttpMethod.valueOf(method))
                // A URI object, so the client sends the percent-encoding as it is.
                .uri(URI.create("http://localhost:" + port + path + "?page=2&sort=createdAt,desc&q=caf%C3%A9"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("X-Served-By", owner.id())
                .expectBody(String.class).returnResult();

        FakeService.Recorded received = service(owner).takeRequest();
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.uri().getRawPath()).isEqualTo(path);
        assertThat(received.uri().getRawQuery()).isEqualTo("page=2&sort=createdAt,desc&q=caf%C3%A9");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(result.getResponseBody()).contains("\"service\":\"" + owner.id() + "\"");
        SERVICES.forEach((service, fake) -> {
            if (service != owner) {
                assertThat(fake.receivedNothing()).as("%s received nothing", service).isTrue();
            }
        });
    }

    @Test
    void tellsTheServiceTheHostTheClientCalledSoItCanBuildLinksToTheGateway() {
        client.get().uri("/api/orders").exchange().expectStatus().isCreated();

        FakeService.Recorded received = service(ColmenaService.CATALOG).takeRequest();
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
    }

    @Test
    void apiDocsOfAServiceAreRewrittenToItsOwnV3ApiDocs() {
        client.get().uri("/v3/api-docs/billing")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("billing-service");

        FakeService.Recorded received = service(ColmenaService.BILLING).takeRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.uri().getPath()).isEqualTo("/v3/api-docs");
    }

    @Test
    void swaggerUiListsTheOpenApiDocumentsOfAllEightServices() {
        client.get().uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(8)
                .jsonPath("$.urls[?(@.name == 'billing-service')].url").isEqualTo("/v3/api-docs/billing")
                .jsonPath("$.urls[?(@.name == 'identity-service')].url").isEqualTo("/v3/api-docs/identity")
                .jsonPath("$.urls[?(@.name == 'infra-service')].url").isEqualTo("/v3/api-docs/infra");

        client.get().uri("/swagger-ui.html")
                .exchange()
                .expectStatus().is3xxRedirection();
        client.get().uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus().isOk();
    }

    // --- X-Request-Id ----------------------------------------------------------------------------

    @Test
    void generatesARequestIdWhenTheClientSendsNoneAndSendsItBothWays() {
        String returned = client.get().uri("/api/tickets")
                .exchange()
                .expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(returned).matches(UUID);
        assertThat(service(ColmenaService.TICKET).takeRequest().header("X-Request-Id")).isEqualTo(returned);
    }

    @Test
    void keepsTheClientsRequestIdWhenItIsASaneToken() {
        client.get().uri("/api/tickets")
                .header("X-Request-Id", "spa-7f3a.42_b")
                .exchange()
                .expectHeader().valueEquals("X-Request-Id", "spa-7f3a.42_b");

        assertThat(service(ColmenaService.TICKET).takeRequest().header("X-Request-Id")).isEqualTo("spa-7f3a.42_b");
    }

    @Test
    void replacesARequestIdThatIsNotASaneToken() {
        String returned = client.get().uri("/api/tickets")
                .header("X-Request-Id", "evil id\";drop")
                .exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(returned).matches(UUID);
        assertThat(service(ColmenaService.TICKET).takeRequest().header("X-Request-Id")).isEqualTo(returned);
    }

    // --- trace context ---------------------------------------------------------------------------

    @Test
    void traceparentSentToTheServiceContinuesTheIncomingTrace() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String parentSpanId = "b7ad6b7169203331";

        client.get().uri("/api/customers/1")
                .header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .exchange()
                .expectStatus().isCreated();

        String forwarded = service(ColmenaService.CRM).takeRequest().header("traceparent");
        assertThat(forwarded).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String[] parts = forwarded.split("-");
        assertThat(parts[1]).as("trace id").isEqualTo(traceId);
        assertThat(parts[2]).as("the gateway's own span").isNotEqualTo(parentSpanId);
    }

    @Test
    void startsATraceWhenTheClientSendsNone() {
        client.get().uri("/api/customers/1").exchange().expectStatus().isCreated();

        assertThat(service(ColmenaService.CRM).takeRequest().header("traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    // --- CORS ------------------------------------------------------------------------------------

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGateway() {
        client.options().uri("/api/invoices")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key,if-match,x-request-id,traceparent")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("PATCH"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers -> assertThat(headers.toLowerCase())
                        .contains("authorization", "content-type", "idempotency-key", "if-match", "x-request-id", "traceparent"))
                .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE);

        assertThat(service(ColmenaService.BILLING).receivedNothing()).isTrue();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        client.options().uri("/api/invoices")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        assertThat(service(ColmenaService.BILLING).receivedNothing()).isTrue();
    }

    @Test
    void corsResponseFromAnAllowedOriginCarriesTheGatewaysHeadersOnlyOnce() {
        client.get().uri("/api/invoices")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().values(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
                        values -> assertThat(values).containsExactly("http://localhost:3000"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("ETag", "Location", "Retry-After", "X-RateLimit-Remaining", "X-Request-Id"));
    }

    // --- problems --------------------------------------------------------------------------------

    @Test
    void aServiceThatIsDownAnswersA503ProblemQuicklyNamingTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        long start = System.nanoTime();

        client.post().uri("/api/domains?verify=true")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"shop.example.com\"}")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://colmena.io/problems/service-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("infra"))
                .jsonPath("$.instance").isEqualTo("/api/domains")
                .jsonPath("$.traceId").isEqualTo(traceId);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theWarningAboutAServiceThatIsDownCarriesTheRequestsTraceId(CapturedOutput output) {
        String traceId = "5cf92f3577b34da6a3ce929d0e0e4737";

        client.delete().uri("/api/domains/42")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b8-01")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(output.getOut().lines().filter(line -> line.contains("DELETE /api/domains/42 answered 503")))
                .singleElement().asString()
                .contains("\"traceId\":\"" + traceId + "\"");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGivesA504Problem() {
        long start = System.nanoTime();

        client.get().uri("/api/tickets/slow")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://colmena.io/problems/gateway-timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("ticket"))
                .jsonPath("$.traceId").exists();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FakeService.SLOW);
    }

    @Test
    void anUnknownPathIsA404Problem() {
        client.get().uri("/api/unknown-things/1")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://colmena.io/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/unknown-things/1")
                .jsonPath("$.traceId").isNotEmpty()
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();

        SERVICES.values().forEach(fake -> assertThat(fake.receivedNothing()).isTrue());
    }

    @Test
    void aPathThatOnlyLooksLikeARouteIsNotRouted() {
        client.get().uri("/api/ticketsx").exchange().expectStatus().isNotFound();
        client.get().uri("/webhooks/paypal").exchange().expectStatus().isNotFound();
    }

    @Test
    void aWrongMethodOnAGatewayEndpointIsA405Problem() {
        client.post().uri("/actuator/health")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://colmena.io/problems/method-not-allowed")
                .jsonPath("$.status").isEqualTo(405);
    }

    // --- keep-alive ------------------------------------------------------------------------------

    /**
     * HTTP/1.1 clients (browsers, partner SDKs, load balancers) send the next request on a kept-alive
     * connection as soon as they have read an answer, sometimes before the gateway has finished with
     * the previous exchange, and may pipeline. Reactor Netty 1.3.6 then stopped reading the
     * connection (reactor/reactor-netty#4361): two pipelined requests, the first proxied and the
     * second answered by the gateway at once, left the third one unread until the client gave up.
     */
    @Test
    void aKeptAliveConnectionIsStillReadAfterPipelinedRequests() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            String proxied = "GET /api/customers/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + accessToken
                    + "\r\nX-Forwarded-For: " + CLIENT_ADDRESS + "\r\n\r\n";
            String refused = "GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\n\r\n";
            String liveness = "GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n";
            for (int round = 0; round < 5; round++) {
                out.write((proxied + refused).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                assertThat(RawHttp.readResponse(in).status()).as("round %d, proxied", round).isEqualTo(201);
                assertThat(RawHttp.readResponse(in).status()).as("round %d, refused", round).isEqualTo(401);

                out.write(liveness.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                RawHttp.Response answer = RawHttp.readResponse(in);
                assertThat(answer.status()).as("round %d, the request after them", round).isEqualTo(200);
                assertThat(answer.body()).contains("UP");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET /api/customers/a%2Fb", "GET /api/customers/%2e%2e/tickets", "PROPFIND /api/customers/1"})
    void aRequestTheFirewallRefusesIsA400ProblemAndReachesNoService(String requestLine) throws Exception {
        String request = requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + accessToken
                + "\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            RawHttp.Response answer = RawHttp.readResponse(new java.io.BufferedInputStream(socket.getInputStream()));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).contains("\"type\":\"https://colmena.io/problems/bad-request\"")
                    .contains("\"traceId\"");
        }
        SERVICES.values().forEach(fake -> assertThat(fake.receivedNothing()).isTrue());
    }

    // --- actuator --------------------------------------------------------------------------------

    @Test
    void readinessAndLivenessAreUp() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreExposedAndOtherActuatorEndpointsAreNot() {
        client.get().uri("/api/tickets").exchange().expectStatus().isCreated();

        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("http_server_requests_seconds")
                        .contains("spring_cloud_gateway_requests_seconds")
                        .containsPattern("cache_gets_total\\{[^}]*cache=\"gateway.verified-tokens\"[^}]*result=\"miss\"[^}]*\\} [1-9]"));
        for (String hidden : List.of("/actuator/env", "/actuator/gateway/routes", "/actuator/beans")) {
            client.get().uri(hidden).exchange().expectStatus().isNotFound();
        }
    }
}
