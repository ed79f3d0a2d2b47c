package io.colmena.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.test.KafkaTestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeadLetterIT extends StarterIntegrationTest {

    static final String TOPIC = "colmena.startertest.note";
    static final String DLT = TOPIC + ".DLT";

    @Autowired
    NoteService notes;

    @Test
    void aRecordThatIsNotACloudEventEndsInTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTestRecords.send(KAFKA.bootstrapServers(),
                new ProducerRecord<>(TOPIC, key, "{not a cloud event".getBytes(StandardCharsets.UTF_8)));

        ConsumerRecord<String, byte[]> dead = KafkaTestRecords.await(KAFKA.bootstrapServers(), DLT,
                record -> key.equals(record.key()), Duration.ofSeconds(60)).orElseThrow();

        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not a cloud event");
        assertThat(KafkaTestRecords.header(dead, "kafka_dlt-exception-cause-fqcn")).hasValueSatisfying(
                type -> assertThat(type).contains("UnreadableEventException"));
    }

    @Test
    void anEventWhoseEffectKeepsFailingEndsInTheDeadLetterTopicAfterBoundedRetries() {
        UUID tenant = UUID.randomUUID();
        Note note = TenantContext.callAs(tenant, () -> notes.create("poison " + UUID.randomUUID(), false));

        ConsumerRecord<String, byte[]> dead = KafkaTestRecords.await(KAFKA.bootstrapServers(), DLT,
                record -> note.id().toString().equals(record.key()), Duration.ofSeconds(60)).orElseThrow();

        assertThat(KafkaTestRecords.header(dead, "ce_type")).hasValue("colmena.startertest.note.created");
        assertThat(KafkaTestRecords.header(dead, "kafka_dlt-exception-message")).hasValueSatisfying(
                message -> assertThat(message).contains("this effect always fails"));
        assertThat(count(tenant, "select count(*) from note_effect where note_id = ?", note.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                KafkaTestRecords.header(dead, "ce_id").orElseThrow())).isZero();
    }
}
