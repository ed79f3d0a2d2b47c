package io.colmena.gateway;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.colmena.events.DomainEvent;
import io.colmena.events.EventType;
import io.colmena.platform.test.KafkaTestRecords;
import io.colmena.platform.test.LocalInfrastructure;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes identity-service's tenant events to the real Kafka the way identity-service does:
 * CloudEvents 1.0 in binary mode ({@code ce_*} headers, JSON data), key = tenant id, extension
 * {@code tenantid}.
 */
final class TenantEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TenantEvents() {}

    static <E extends DomainEvent> void publish(EventType<E> type, UUID tenantId, E event) {
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withType(type.type())
                .withSource(URI.create("identity-service"))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataSchema(type.dataSchema())
                .withSubject(tenantId.toString())
                .withExtension("tenantid", tenantId.toString())
                .withData("application/json", JSON.writeValueAsBytes(event))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory
                .createWriter(type.topic(), event.aggregateId())
                .writeBinary(cloudEvent);
        KafkaTestRecords.send(LocalInfrastructure.kafkaBootstrapServers(), record);
    }
}
