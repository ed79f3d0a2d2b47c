package io.colmena.events;

/**
 * A fact that one service publishes for others: a past-tense record in this module, one package
 * per producing service ({@code io.colmena.events.billing}, ...), with no framework annotations.
 *
 * <p>Its Kafka key is {@link #aggregateId()}, so every event of one aggregate lands on one
 * partition and stays in order (ARCHITECTURE.md §5). Its CloudEvents {@code type}, topic and
 * schema version come from the {@link EventType} registered for its class in {@link EventCatalog}.
 * Changes are additive; a breaking change is a new record registered under a new version.
 */
public interface DomainEvent {

    /** The id of the aggregate the event is about (an invoice, a ticket, a tenant), as text. */
    String aggregateId();
}
