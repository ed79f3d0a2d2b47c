package io.colmena.billing.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.test.KeycloakTestUsers;
import io.colmena.platform.test.LocalInfrastructure;
import io.colmena.platform.test.MutableClock;
import io.colmena.platform.test.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boots billing-service whole against the local PostgreSQL, Kafka and Keycloak, with WireMock as the
 * Stripe API ({@link StripeStub}) and a {@link MutableClock}. Same context configuration as
 * {@code BillingServiceIT}, so one context serves every integration test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "colmena.security.issuer-uri=${COLMENA_ISSUER_URI:http://localhost:8180/realms/colmena}")
public abstract class BillingIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected PlatformTransactionManager transactionManager;

    @Autowired
    protected MutableClock clock;

    @AfterEach
    void resetClockAndStubs() {
        clock.reset();
        stripe().resetAll();
    }

    protected static WireMockServer stripe() {
        return StripeStub.server();
    }

    /** A fresh access token of a new Keycloak user of {@code tenant} with {@code role}. */
    protected static String token(UUID tenant, String role, UUID customerId) {
        return KeycloakTestUsers.create(tenant, role, customerId).accessToken();
    }

    /** The same token for the same (tenant, role, customer) within this JVM: users are made once. */
    protected static String cachedToken(UUID tenant, String role, UUID customerId) {
        String key = tenant + "/" + role + "/" + customerId;
        return TOKENS.computeIfAbsent(key, k -> token(tenant, role, customerId));
    }

    protected static String kafka() {
        return LocalInfrastructure.kafkaBootstrapServers();
    }

    /** Runs {@code work} in a transaction with {@code tenant} bound (RLS lets its rows through). */
    protected <T> T asTenant(UUID tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactionManager).execute(s -> work.get()));
    }

    protected HttpResponse<String> call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of());
    }

    protected HttpResponse<String> call(String method, String path, String token, String body,
                                        Map<String, String> headers) {
        return TestHttp.send(method, URI.create("http://localhost:" + port + path), token, body, headers);
    }

    protected HttpResponse<byte[]> download(String path, String token) {
        return TestHttp.sendForBytes("GET", URI.create("http://localhost:" + port + path), token, null, Map.of());
    }

    /** POSTs a Stripe delivery with the given raw body and signature header (none when null). */
    protected HttpResponse<String> deliver(String path, String body, String signature) {
        return call("POST", path, null, body, signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Stripe-Signature", signature));
    }

    /** POSTs {@code body} to Colmena's endpoint signed now with the current secret. */
    protected HttpResponse<String> deliverSigned(String body) {
        return deliver("/webhooks/stripe", body, StripeFixtures.sign(body, StripeFixtures.CURRENT_SECRET, now()));
    }

    /** The service clock's now, in Unix seconds. */
    protected long now() {
        return clock.instant().getEpochSecond();
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo("https://colmena.io/problems/" + slug);
    }
}
