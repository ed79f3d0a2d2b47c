package io.colmena.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Sends committed {@link OutboundEvent}s to Kafka as CloudEvents 1.0 in binary mode
 * (CloudEvents Kafka protocol binding §3.2: attributes as {@code ce_*} headers, {@code data} as the
 * record value, {@code content-type} header {@code application/json}), keyed by aggregate id.
 *
 * <p>It runs as a Spring Modulith application-module listener: asynchronously after the business
 * transaction commits, with the publication recorded in the outbox. It waits for the broker's
 * acknowledgement; a failure or timeout leaves the publication incomplete, to be resent by
 * {@link OutboxResubmission}. Events are built with the CloudEvents SDK rather than by hand.
 */
public class CloudEventKafkaRelay {

    private static final Logger log = LoggerFactory.getLogger(CloudEventKafkaRelay.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration sendTimeout;

    public CloudEventKafkaRelay(KafkaTemplate<String, byte[]> kafka, Duration sendTimeout) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
    }

    /** Sends one event and waits for the broker; throws so that the outbox keeps it when that fails. */
    @ApplicationModuleListener
    public void relay(OutboundEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, byte[]> record = toRecord(event);
        kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        log.debug("Sent {} {} to {}", event.type(), event.id(), event.topic());
    }

    /**
     * The Kafka record of {@code event}, in CloudEvents binary mode. The record's own timestamp is
     * left to the producer (send time): the event's time travels as {@code ce_time}, and a record
     * stamped far from the broker's clock (a controllable test clock, a long outage) would be refused
     * by {@code log.message.timestamp.*.max.ms} and stay in the outbox forever.
     */
    static ProducerRecord<String, byte[]> toRecord(OutboundEvent event) {
        return KafkaMessageFactory
                .createWriter(event.topic(), null, null, event.key())
                .writeBinary(toCloudEvent(event));
    }

    static CloudEvent toCloudEvent(OutboundEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(URI.create(event.source()))
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create("urn:colmena:event:" + event.type() + ":v" + event.version()))
                .withSubject(event.key())
                .withData("application/json", event.data().getBytes(StandardCharsets.UTF_8));
        if (event.tenantId() != null) {
            builder.withExtension(CloudEventAttributes.TENANT_ID, event.tenantId().toString());
        }
        if (event.traceparent() != null) {
            builder.withExtension(CloudEventAttributes.TRACEPARENT, event.traceparent());
        }
        return builder.build();
    }
}
