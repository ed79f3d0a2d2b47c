package io.colmena.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.colmena.platform.events.CloudEventAttributes;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.test.KafkaTestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxIT extends StarterIntegrationTest {

    static final String TOPIC = "colmena.startertest.note";

    @Autowired
    NoteService notes;

    @Test
    void anEventPublishedInARolledBackTransactionIsNeverSent() {
        UUID tenant = UUID.randomUUID();
        String text = "rolled back " + UUID.randomUUID();

        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> notes.create(text, true)))
                .hasMessageContaining("on purpose");

        assertThat(count(tenant, "select count(*) from note where text = ?", text)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                Integer.class, "%" + text + "%")).isZero();
        assertThat(KafkaTestRecords.readAll(KAFKA.bootstrapServers(), TOPIC,
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(text), Duration.ofSeconds(4)))
                .isEmpty();
    }

    @Test
    void aCommittedEventReachesKafkaAsABinaryCloudEventKeyedByAggregate() {
        UUID tenant = UUID.randomUUID();
        Note note = TenantContext.callAs(tenant, () -> notes.create("sent " + UUID.randomUUID(), false));

        ConsumerRecord<String, byte[]> record = KafkaTestRecords.await(KAFKA.bootstrapServers(), TOPIC,
                r -> note.id().toString().equals(r.key()), Duration.ofSeconds(30)).orElseThrow();

        assertThat(KafkaTestRecords.header(record, "ce_specversion")).hasValue("1.0");
        assertThat(KafkaTestRecords.header(record, "ce_type")).hasValue("colmena.startertest.note.created");
        assertThat(KafkaTestRecords.header(record, "ce_source")).hasValue("starter-test");
        assertThat(KafkaTestRecords.header(record, "ce_" + CloudEventAttributes.TENANT_ID)).hasValue(tenant.toString());
        assertThat(KafkaTestRecords.header(record, "ce_dataschema"))
                .hasValue("urn:colmena:event:colmena.startertest.note.created:v1");
        assertThat(KafkaTestRecords.header(record, "ce_id")).hasValueSatisfying(id -> UUID.fromString(id));
        assertThat(KafkaTestRecords.header(record, "content-type")).hasValue("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(note.id().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                count(tenant, "select count(*) from note_effect where note_id = ?", note.id())).isEqualTo(1));
    }

    @Test
    void aCommittedEventTakesEffectExactlyOnceWhenTheBrokerIsDownBetweenCommitAndSend() {
        UUID tenant = UUID.randomUUID();
        KAFKA.stop();
        Note note;
        try {
            note = TenantContext.callAs(tenant, () -> notes.create("outage " + UUID.randomUUID(), false));
            assertThat(count(tenant, "select count(*) from note where id = ?", note.id())).isEqualTo(1);
            // The relay cannot reach the broker: the publication stays in the outbox.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> pending(note) == 1);
        } finally {
            KAFKA.startAgain();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                count(tenant, "select count(*) from note_effect where note_id = ?", note.id())).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(note) == 0);
        // Resubmissions may have sent it more than once; the consumer applied it once.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                count(tenant, "select count(*) from note_effect where note_id = ?", note.id()) == 1);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID tenant = UUID.randomUUID();
        Note note = TenantContext.callAs(tenant, () -> notes.create("redelivered " + UUID.randomUUID(), false));
        ConsumerRecord<String, byte[]> sent = KafkaTestRecords.await(KAFKA.bootstrapServers(), TOPIC,
                r -> note.id().toString().equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count(tenant, "select count(*) from note_effect where note_id = ?", note.id()) == 1);

        KafkaTestRecords.send(KAFKA.bootstrapServers(),
                new ProducerRecord<>(TOPIC, null, sent.key(), sent.value(), sent.headers()));
        KafkaTestRecords.send(KAFKA.bootstrapServers(),
                new ProducerRecord<>(TOPIC, null, sent.key(), sent.value(), sent.headers()));

        String eventId = KafkaTestRecords.header(sent, "ce_id").orElseThrow();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() ->
                count(tenant, "select count(*) from note_effect where note_id = ?", note.id()) == 1);
        assertThat(jdbc.queryForList("select consumer from processed_event where event_id = ?", String.class, eventId))
                .isEqualTo(List.of(NoteEffects.CONSUMER));
    }

    @Test
    void aConsumerReadsANewerProducersEventWithUnknownFieldsTolerantly() {
        UUID tenant = UUID.randomUUID();
        UUID noteId = UUID.randomUUID();
        String data = "{\"noteId\":\"" + noteId + "\",\"text\":\"from the future\",\"addedLater\":{\"x\":1}}";
        io.cloudevents.CloudEvent event = io.cloudevents.core.builder.CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType("colmena.startertest.note.created")
                .withSource(java.net.URI.create("starter-test"))
                .withDataSchema(java.net.URI.create("urn:colmena:event:colmena.startertest.note.created:v1"))
                .withExtension(CloudEventAttributes.TENANT_ID, tenant.toString())
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8))
                .build();

        KafkaTestRecords.send(KAFKA.bootstrapServers(), io.cloudevents.kafka.KafkaMessageFactory
                .createWriter(TOPIC, null, null, noteId.toString()).writeBinary(event));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count(tenant, "select count(*) from note_effect where note_id = ?", noteId) == 1);
    }

    private int pending(Note note) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                Integer.class, "%" + note.id() + "%");
    }
}
