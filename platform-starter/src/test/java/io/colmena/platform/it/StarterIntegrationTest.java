package io.colmena.platform.it;

import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.test.KafkaBrokerProcess;
import io.colmena.platform.test.TestHttp;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Boots {@link StarterTestApplication} against the local PostgreSQL (database
 * {@code colmena_starter_test}) and a throw-away Kafka broker of its own, which tests may stop and
 * start. All subclasses share one application context.
 */
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StarterIntegrationTest {

    static final KafkaBrokerProcess KAFKA = KafkaBrokerProcess.start();
    static final TestIssuer ISSUER = TestIssuer.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("colmena.security.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("colmena.security.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** Runs {@code work} in a transaction with {@code tenant} bound (so row-level security lets its rows through). */
    <T> T asTenant(UUID tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactionManager).execute(s -> work.get()));
    }

    int count(UUID tenant, String sql, Object... args) {
        return asTenant(tenant, () -> jdbc.queryForObject(sql, Integer.class, args));
    }

    HttpResponse<String> call(String method, String path, String token, String body, Map<String, String> headers) {
        return TestHttp.send(method, URI.create("http://localhost:" + port + path), token, body, headers);
    }
}
