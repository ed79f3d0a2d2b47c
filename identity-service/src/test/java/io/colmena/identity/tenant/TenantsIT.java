package io.colmena.identity.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.colmena.events.billing.SubscriptionChanged;
import io.colmena.events.identity.Plan;
import io.colmena.identity.support.Api;
import io.colmena.identity.support.IdentityIntegrationTest;
import io.colmena.platform.test.KafkaTestRecords;
import io.colmena.platform.test.LocalInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The caller's tenant, plans, the operator's tenant list and switches, trials, and billing's plan events. */
class TenantsIT extends IdentityIntegrationTest {

    @Autowired
    TrialExpiry trialExpiry;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void plansListTheLimitsTable() {
        Registered owner = register("Plans Co");

        JsonNode plans = api.get("/api/plans", owner.accessToken()).json();

        assertThat(plans.size()).isEqualTo(4);
        assertThat(plans.get(0).get("plan").asString()).isEqualTo("FREE");
        assertThat(plans.get(0).get("limits").get("users").asInt()).isEqualTo(1);
        assertThat(plans.get(0).get("limits").get("whatsappMessagesPerDay").asInt()).isEqualTo(250);
        assertThat(plans.get(2).get("limits").get("contacts").asInt()).isEqualTo(25_000);
        assertThat(plans.get(3).get("limits").get("ragDocuments").asInt()).isEqualTo(-1);
    }

    @Test
    void theOwnerUpdatesTheTenantProfileWithOptimisticLocking() {
        Registered owner = register("Profile Co");
        Api.Response current = api.get("/api/tenants/current", owner.accessToken());
        String etag = current.header("ETag");
        assertThat(etag).isNotNull();

        Map<String, Object> profile = Map.of("name", "Profile Co Renamed", "industry", "retail", "locale", "en-GB",
                "timezone", "Atlantic/Canary", "settings", Map.of("currency", "EUR", "weekStartsOn", 1));
        Api.Response updated = api.put("/api/tenants/current", owner.accessToken(), profile, Map.of("If-Match", etag));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Profile Co Renamed");
        assertThat(updated.json().get("timezone").asString()).isEqualTo("Atlantic/Canary");
        assertThat(updated.json().get("settings").get("currency").asString()).isEqualTo("EUR");

        Api.Response stale = api.put("/api/tenants/current", owner.accessToken(), profile, Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/concurrent-modification");

        Api.Response badZone = api.put("/api/tenants/current", owner.accessToken(),
                Map.of("name", "Profile Co", "industry", "retail", "locale", "en-GB", "timezone", "Mars/Olympus",
                        "settings", Map.of()));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("errors").get(0).get("field").asString()).isEqualTo("timezone");

        assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.tenant",
                record -> owner.tenantId().toString().equals(record.key()) && "colmena.identity.tenant.updated"
                        .equals(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)),
                Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void platformAdminOnlyEndpointsRefuseEveryoneElse() {
        Registered owner = register("Nosy Co");

        assertThat(api.get("/api/tenants", owner.accessToken()).status()).isEqualTo(403);
        assertThat(api.get("/api/tenants/" + owner.tenantId(), owner.accessToken()).status()).isEqualTo(403);
        assertThat(api.put("/api/tenants/" + owner.tenantId() + "/plan", owner.accessToken(),
                Map.of("plan", "ENTERPRISE")).status()).isEqualTo(403);
        assertThat(api.put("/api/tenants/" + owner.tenantId() + "/status", owner.accessToken(),
                Map.of("status", "ACTIVE")).status()).isEqualTo(403);
        assertThat(api.get("/api/tenants/current", owner.accessToken()).json().get("plan").asString())
                .isEqualTo("FREE");
    }

    @Test
    void theOperatorSearchesFiltersAndExportsTenants() {
        String marker = "Searchable " + UUID.randomUUID();
        Registered owner = register(marker);
        String admin = platformAdminToken();
        api.put("/api/tenants/" + owner.tenantId() + "/plan", admin, Map.of("plan", "PRO"));

        JsonNode page = api.get("/api/tenants?q=" + marker.replace(" ", "%20") + "&plan=PRO&size=5", admin).json();
        assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(owner.tenantId().toString());
        assertThat(api.get("/api/tenants?q=" + marker.replace(" ", "%20") + "&plan=FREE", admin).json()
                .get("page").get("totalElements").asLong()).isZero();
        assertThat(api.get("/api/tenants?status=TRIAL&sort=name,asc&size=1", admin).json().get("page")
                .get("size").asInt()).isEqualTo(1);
        assertThat(api.get("/api/tenants?sort=secret", admin).status()).isEqualTo(400);

        Api.Response csv = api.get("/api/tenants?q=" + marker.replace(" ", "%20"), admin, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,name,industry,plan,status,contactEmail,trialEndsAt,createdAt\r\n");
        assertThat(csv.body()).contains(owner.tenantId() + "," + marker + ",it-services,PRO,TRIAL," + owner.email());
    }

    @Test
    void aSuspendedTenantStillLearnsItsPlanAndStatus() {
        Registered owner = register("Suspended Co");
        String admin = platformAdminToken();

        Api.Response suspended = api.put("/api/tenants/" + owner.tenantId() + "/status", admin,
                Map.of("status", "SUSPENDED", "reason", "unpaid invoice"));
        assertThat(suspended.status()).isEqualTo(200);

        JsonNode current = api.get("/api/tenants/current", owner.accessToken()).json();
        assertThat(current.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(current.get("statusReason").asString()).isEqualTo("unpaid invoice");
        assertThat(current.get("plan").asString()).isEqualTo("FREE");

        assertThat(api.put("/api/tenants/" + owner.tenantId() + "/status", admin, Map.of("status", "TRIAL")).status())
                .isEqualTo(422);
        assertThat(api.put("/api/tenants/" + UUID.randomUUID() + "/status", admin, Map.of("status", "BANNED"))
                .status()).isEqualTo(404);
        assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.tenant",
                record -> owner.tenantId().toString().equals(record.key())
                        && new String(record.value(), StandardCharsets.UTF_8).contains("SUSPENDED"),
                Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void billingsSubscriptionChangedEventSetsThePlanAndTheNewestChangeWins() {
        Registered owner = register("Paying Co");
        Instant now = Instant.now();

        publish(new SubscriptionChanged(owner.tenantId(), "sub_123", Plan.PRO, "active", now.plus(Duration.ofDays(30)),
                false, now.plusSeconds(10)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.get("/api/tenants/current", owner.accessToken()).json().get("plan").asString()).isEqualTo("PRO"));

        UUID stale = publish(new SubscriptionChanged(owner.tenantId(), "sub_123", Plan.STARTER, "active",
                now.plus(Duration.ofDays(30)), false, now.minusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where consumer = 'identity-service.plan-sync' and event_id = ?",
                Long.class, stale.toString()) == 1);
        assertThat(api.get("/api/tenants/current", owner.accessToken()).json().get("plan").asString())
                .as("an older change does not overwrite a newer one").isEqualTo("PRO");

        publish(new SubscriptionChanged(owner.tenantId(), "sub_123", Plan.ENTERPRISE, "active",
                now.plus(Duration.ofDays(30)), false, now.plusSeconds(20)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                api.get("/api/tenants/current", owner.accessToken()).json().get("plan").asString())
                .isEqualTo("ENTERPRISE"));

        assertThat(KafkaTestRecords.await(LocalInfrastructure.kafkaBootstrapServers(), "colmena.identity.tenant",
                record -> owner.tenantId().toString().equals(record.key())
                        && new String(record.value(), StandardCharsets.UTF_8).contains("\"previousPlan\":\"FREE\""),
                Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void anOverTrialBecomesActive() {
        Registered owner = register("Trial Co");

        // The trial is made to have ended rather than the clock moved: events carry the clock's time,
        // and Kafka refuses records from too far in the future.
        jdbc.update("update tenant set trial_ends_at = now() - interval '1 minute' where id = ?", owner.tenantId());
        assertThat(trialExpiry.endOverTrials()).isGreaterThanOrEqualTo(1);

        JsonNode current = api.get("/api/tenants/current", owner.accessToken()).json();
        assertThat(current.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(current.get("trialEndsAt").isNull()).isTrue();
    }

    private static UUID publish(SubscriptionChanged event) {
        UUID id = UUID.randomUUID();
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType("colmena.billing.subscription.changed")
                .withSource(URI.create("urn:colmena:billing"))
                .withDataSchema(URI.create("urn:colmena:event:colmena.billing.subscription.changed:v1"))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withExtension("tenantid", event.tenantId().toString())
                .withDataContentType("application/json")
                .withData(Api.JSON.writeValueAsBytes(event))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter("colmena.billing.subscription",
                event.tenantId().toString()).writeBinary(cloudEvent);
        KafkaTestRecords.send(LocalInfrastructure.kafkaBootstrapServers(), record);
        return id;
    }
}
