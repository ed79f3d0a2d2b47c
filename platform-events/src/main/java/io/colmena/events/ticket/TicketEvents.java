package io.colmena.events.ticket;

import io.colmena.events.EventType;
import java.util.List;

/**
 * ticket-service's events: topic {@code colmena.ticket.ticket}, key = ticket id, so the events of one
 * ticket arrive in order.
 */
public final class TicketEvents {

    public static final EventType<TicketCreated> CREATED =
            EventType.of("colmena.ticket.ticket.created", TicketCreated.class);
    public static final EventType<TicketStatusChanged> STATUS_CHANGED =
            EventType.of("colmena.ticket.ticket.status-changed", TicketStatusChanged.class);
    public static final EventType<TicketMessageAdded> MESSAGE_ADDED =
            EventType.of("colmena.ticket.ticket.message-added", TicketMessageAdded.class);
    public static final EventType<TicketAssigned> ASSIGNED =
            EventType.of("colmena.ticket.ticket.assigned", TicketAssigned.class);
    public static final EventType<TicketSlaBreached> SLA_BREACHED =
            EventType.of("colmena.ticket.ticket.sla-breached", TicketSlaBreached.class);
    public static final EventType<TicketSatisfactionRated> SATISFACTION_RATED =
            EventType.of("colmena.ticket.ticket.satisfaction-rated", TicketSatisfactionRated.class);
    public static final EventType<TicketAutoCloseReminderSent> AUTO_CLOSE_REMINDER_SENT =
            EventType.of("colmena.ticket.ticket.auto-close-reminder-sent", TicketAutoCloseReminderSent.class);
    public static final EventType<TicketMerged> MERGED =
            EventType.of("colmena.ticket.ticket.merged", TicketMerged.class);

    /** All of them, for {@link io.colmena.events.EventCatalog}. */
    public static final List<EventType<?>> TYPES = List.of(CREATED, STATUS_CHANGED, MESSAGE_ADDED, ASSIGNED,
            SLA_BREACHED, SATISFACTION_RATED, AUTO_CLOSE_REMINDER_SENT, MERGED);

    private TicketEvents() {}
}
