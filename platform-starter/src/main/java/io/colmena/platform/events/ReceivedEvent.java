package io.colmena.platform.events;

import io.colmena.events.DomainEvent;
import io.colmena.events.EventType;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * An event read from Kafka and mapped to its {@link DomainEvent} record.
 *
 * @param id       CloudEvents {@code id}, the key of consumer idempotency
 * @param type     its registration in the {@link io.colmena.events.EventCatalog}
 * @param source   the producing service
 * @param key      the Kafka key (aggregate id)
 * @param tenantId the {@code tenantid} extension, {@code null} for platform-level events
 * @param time     when it happened
 * @param data     the payload, read tolerantly (unknown fields ignored)
 */
public record ReceivedEvent(UUID id, EventType<?> type, URI source, String key, UUID tenantId, Instant time,
                            DomainEvent data) {}
