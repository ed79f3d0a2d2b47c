package io.colmena.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@link io.colmena.events.DomainEvent} on its way out, as stored in the outbox (Spring Modulith's
 * event publication registry) inside the business transaction and sent to Kafka after commit.
 *
 * <p>Everything the CloudEvent needs is fixed here, at publication, so a resend after a broker
 * outage carries the same {@code id} and consumers can drop it as a duplicate.
 *
 * @param id          CloudEvents {@code id}
 * @param type        CloudEvents {@code type}, {@code colmena.<service>.<aggregate>.<event>}
 * @param version     payload schema version (sent as {@code dataschema})
 * @param topic       Kafka topic
 * @param key         Kafka key: the aggregate id
 * @param source      CloudEvents {@code source}: the producing service
 * @param tenantId    CloudEvents extension {@code tenantid}; {@code null} for platform-level events
 * @param time        CloudEvents {@code time}
 * @param traceparent W3C trace context of the publishing request (CloudEvents distributed-tracing extension), or {@code null}
 * @param data        the event record as JSON
 */
public record OutboundEvent(
        UUID id, String type, int version, String topic, String key, String source, UUID tenantId, Instant time,
        String traceparent, String data) {}
