package io.colmena.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Ticker;
import io.colmena.events.identity.Plan;
import io.colmena.gateway.routing.ServiceUris;
import io.colmena.gateway.tenant.TenantDirectory;
import io.colmena.gateway.tenant.TenantDirectoryProperties;
import io.colmena.gateway.tenant.TenantLookupException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TenantDirectory} against a real HTTP identity-service stand-in, with a clock the test
 * moves: stale standings are served while they are confirmed in the background, kept while
 * identity-service is down, and given up after {@code stale-max-age}.
 */
class TenantDirectoryTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration STALE_MAX_AGE = Duration.ofHours(1);

    private final UUID tenant = UUID.randomUUID();
    private final String token = unsignedToken(tenant);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FakeService identity;
    private TenantDirectory directory;

    @BeforeEach
    void start() {
        identity = FakeService.start("identity").tenant(tenant, "PRO", "ACTIVE");
        URI uri = identity.uri();
        ServiceUris services = new ServiceUris(uri, uri, uri, uri, uri, uri, uri, uri);
        TenantDirectoryProperties properties = new TenantDirectoryProperties(TTL, STALE_MAX_AGE, 1000,
                Duration.ofSeconds(2), "colmena.identity.tenant");
        Ticker ticker = nanos::get;
        directory = new TenantDirectory(properties, services, JsonMapper.builder().build(), ObservationRegistry.NOOP,
                meters, ticker);
    }

    @AfterEach
    void stop() {
        identity.close();
    }

    @Test
    void aStandingOlderThanTheTtlIsServedAndConfirmedInTheBackground() {
        assertThat(plan()).isEqualTo(Plan.PRO);
        assertThat(plan()).isEqualTo(Plan.PRO);
        assertThat(identity.tenantLookups()).as("the second call is served from the cache").isEqualTo(1);

        identity.tenant(tenant, "STARTER", "ACTIVE");
        advance(TTL.plusSeconds(1));
        assertThat(plan()).as("the known standing answers at once").isEqualTo(Plan.PRO);
        await().atMost(Duration.ofSeconds(5)).until(() -> plan() == Plan.STARTER);
        assertThat(identity.tenantLookups()).isEqualTo(2);
        assertThat(meters.counter("colmena.gateway.tenant.refresh.failures").count()).isZero();
    }

    @Test
    void whileIdentityIsDownAKnownTenantIsServedUntilStaleMaxAgeThenRefused() {
        assertThat(plan()).isEqualTo(Plan.PRO);
        identity.close();

        advance(TTL.plusSeconds(1));
        assertThat(plan()).isEqualTo(Plan.PRO);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> meters.counter("colmena.gateway.tenant.refresh.failures").count() >= 1);
        assertThat(plan()).as("still served after the failed confirmation").isEqualTo(Plan.PRO);

        advance(STALE_MAX_AGE);
        assertThat(lookupFailure()).isEqualTo(TenantLookupException.Reason.IDENTITY_UNAVAILABLE);
    }

    @Test
    void aTenantIdentityNoLongerKnowsIsDroppedOnItsNextConfirmation() {
        assertThat(plan()).isEqualTo(Plan.PRO);
        identity.withoutTenant(tenant);

        advance(TTL.plusSeconds(1));
        assertThat(plan()).isEqualTo(Plan.PRO);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> lookupFailure() == TenantLookupException.Reason.UNKNOWN_TENANT);
    }

    private Plan plan() {
        return directory.standingOf(tenant, token).block(Duration.ofSeconds(5)).plan();
    }

    /** Why the lookup fails, or {@code null} when it answers. */
    private TenantLookupException.Reason lookupFailure() {
        try {
            plan();
            return null;
        }
        catch (RuntimeException ex) {
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                if (cause instanceof TenantLookupException lookup) {
                    return lookup.reason();
                }
            }
            throw ex;
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** A token-shaped string whose payload names the tenant; the fake identity-service reads it unchecked. */
    private static String unsignedToken(UUID tenant) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"tenant_id\":\"" + tenant + "\"}").getBytes(StandardCharsets.UTF_8)) + ".x";
    }
}
