/**
 * Event contracts of the Colmena platform: {@link io.colmena.events.DomainEvent} records, their
 * {@link io.colmena.events.EventType} names and the {@link io.colmena.events.EventCatalog} that
 * lists them. Envelope (CloudEvents 1.0, binary mode over Kafka) and delivery rules are in
 * ARCHITECTURE.md §5 and in {@code platform-starter}'s {@code io.colmena.platform.events}.
 */
package io.colmena.events;
