package io.colmena.ticket.ticket;

import io.colmena.events.ticket.TicketAssigned;
import io.colmena.events.ticket.TicketAutoCloseReminderSent;
import io.colmena.events.ticket.TicketCreated;
import io.colmena.events.ticket.TicketMerged;
import io.colmena.events.ticket.TicketMessageAdded;
import io.colmena.events.ticket.TicketSatisfactionRated;
import io.colmena.events.ticket.TicketSlaBreached;
import io.colmena.events.ticket.TicketStatusChanged;
import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.web.ProblemException;
import io.colmena.ticket.category.TicketCategories;
import io.colmena.ticket.sla.ClockKind;
import io.colmena.ticket.sla.Priority;
import io.colmena.ticket.sla.SlaClocks;
import io.colmena.ticket.sla.SlaClocks.Breach;
import io.colmena.ticket.sla.SlaView;
import io.colmena.ticket.staff.StaffDirectory;
import io.colmena.ticket.support.Caller;
import io.colmena.ticket.support.ETags;
import io.colmena.ticket.support.PageResponse;
import io.colmena.ticket.support.Timers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket use cases. Each runs in one transaction with the caller's tenant bound: the state
 * change, the SLA clock changes and trail, the timers and the outbox events commit together.
 *
 * <p>Visibility: staff reach every ticket of their tenant; a CLIENT reaches only tickets whose
 * requester is themselves; anything else, like another tenant's ticket, is a 404.
 */
@Service
public class TicketService {

    /** Most rows one CSV export may hold; a larger result asks for narrower filters. */
    static final int EXPORT_LIMIT = 10_000;

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketNumbers numbers;
    private final TicketSearch search;
    private final TicketCategories categories;
    private final StaffDirectory staff;
    private final SlaClocks sla;
    private final AutoCloseSettings autoClose;
    private final Timers timers;
    private final EventOutbox outbox;
    private final Clock clock;

    TicketService(TicketRepository tickets, TicketMessageRepository messages, TicketNumbers numbers,
                  TicketSearch search, TicketCategories categories, StaffDirectory staff, SlaClocks sla,
                  AutoCloseSettings autoClose, Timers timers, EventOutbox outbox, Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.numbers = numbers;
        this.search = search;
        this.categories = categories;
        this.staff = staff;
        this.sla = sla;
        this.autoClose = autoClose;
        this.timers = timers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public TicketResponse create(CreateTicketRequest request, Caller caller) {
        caller.requireTenant();
        UUID requesterUser;
        UUID requesterCustomer;
        Channel channel;
        if (caller.client()) {
            if (request.tags() != null && !request.tags().isEmpty() || request.requesterUserId() != null
                    || request.requesterCustomerId() != null) {
                throw Caller.forbidden("Clients open tickets for themselves and cannot set tags or the requester");
            }
            requesterUser = caller.userId().orElseThrow(() -> Caller.forbidden("The token's subject is not a user"));
            requesterCustomer = caller.customerId()
                    .orElseThrow(() -> Caller.forbidden("A CLIENT token needs a customer_id claim to open tickets"));
            channel = request.channel() == null ? Channel.PORTAL : request.channel();
        } else {
            if (request.requesterCustomerId() == null) {
                throw ProblemException.unprocessable("requester-required",
                        "Staff must name the CRM customer the ticket is for (requesterCustomerId)");
            }
            requesterUser = request.requesterUserId();
            requesterCustomer = request.requesterCustomerId();
            channel = request.channel() == null ? Channel.API : request.channel();
        }
        if (request.categoryId() != null) {
            categories.requireUsable(request.categoryId());
        }
        Instant now = now();
        Priority priority = request.priority() == null ? Priority.MEDIUM : request.priority();
        Ticket ticket = tickets.save(new Ticket(numbers.next(), request.title().strip(), request.description(),
                priority, request.categoryId(), requesterUser, requesterCustomer, channel, request.tags(),
                caller.subject(), now));
        sla.start(ticket.id(), priority, now);
        outbox.publish(new TicketCreated(ticket.id(), ticket.tenantId(), ticket.displayNumber(), ticket.title(),
                ticket.status().name(), priority.name(), ticket.categoryId(), requesterUser, requesterCustomer,
                channel.name(), ticket.tags(), caller.subject(), now));
        return respond(ticket);
    }

    @Transactional(readOnly = true)
    public TicketResponse get(UUID id, Caller caller) {
        return respond(load(id, caller));
    }

    @Transactional
    public TicketResponse update(UUID id, String ifMatch, UpdateTicketRequest request, Caller caller) {
        Ticket ticket = load(id, caller);
        ETags.check(ifMatch, ticket.version(), true);
        requireOpen(ticket);
        List<String> tags = request.tags() == null ? List.of() : request.tags();
        if (caller.client() && (request.priority() != ticket.priority()
                || !Objects.equals(request.categoryId(), ticket.categoryId())
                || !List.of(Ticket.normalise(tags)).equals(ticket.tags()))) {
            throw Caller.forbidden("Clients may change the title and description only");
        }
        if (request.categoryId() != null && !request.categoryId().equals(ticket.categoryId())) {
            categories.requireUsable(request.categoryId());
        }
        Instant now = now();
        if (request.priority() != ticket.priority()) {
            publishBreaches(ticket, sla.changePriority(ticket.id(), request.priority(), now,
                    ticket.firstResponseAt() != null, ticket.status() == TicketStatus.WAITING_CLIENT));
        }
        ticket.edit(request.title().strip(), request.description(), request.priority(), request.categoryId(), tags, now);
        return respond(tickets.saveAndFlush(ticket));
    }

    @Transactional
    public TicketResponse changeStatus(UUID id, String ifMatch, TicketStatus target, Caller caller) {
        Ticket ticket = load(id, caller);
        ETags.check(ifMatch, ticket.version(), false);
        if (caller.client() && !(target == TicketStatus.CLOSED || target == TicketStatus.IN_PROGRESS
                && (ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.WAITING_CLIENT))) {
            throw Caller.forbidden("Clients may close their ticket, or move it back to IN_PROGRESS when it is "
                    + "RESOLVED or WAITING_CLIENT");
        }
        transition(ticket, target, caller.subject(), null, now());
        return respond(tickets.saveAndFlush(ticket));
    }

    @Transactional
    public TicketResponse assign(UUID id, String ifMatch, UUID assigneeId, Caller caller) {
        caller.requireStaff();
        Ticket ticket = load(id, caller);
        ETags.check(ifMatch, ticket.version(), false);
        requireOpen(ticket);
        if (assigneeId != null && !caller.userId().map(assigneeId::equals).orElse(false)
                && !staff.isActiveStaff(assigneeId)) {
            throw ProblemException.unprocessable("unknown-assignee",
                    "User " + assigneeId + " is not an active OWNER, ADMIN or AGENT of this tenant");
        }
        UUID previous = ticket.assigneeId();
        if (!Objects.equals(previous, assigneeId)) {
            Instant now = now();
            ticket.assign(assigneeId, now);
            outbox.publish(new TicketAssigned(ticket.id(), ticket.tenantId(), assigneeId, previous, caller.subject(),
                    now));
        }
        return respond(tickets.saveAndFlush(ticket));
    }

    @Transactional
    public MessageResponse addMessage(UUID id, MessageRequest request, Caller caller) {
        Ticket ticket = load(id, caller);
        boolean internal = Boolean.TRUE.equals(request.internal());
        AuthorType author = request.authorType() != null ? request.authorType()
                : caller.staff() ? AuthorType.STAFF : AuthorType.CLIENT;
        if (caller.client() && (author != AuthorType.CLIENT || internal)) {
            throw Caller.forbidden("Clients post CLIENT messages only, never internal notes");
        }
        if (caller.staff() && author == AuthorType.CLIENT) {
            throw Caller.forbidden("Staff post STAFF or AI messages");
        }
        if (internal && author == AuthorType.CLIENT) {
            throw Caller.forbidden("A CLIENT message cannot be an internal note");
        }
        requireOpen(ticket);
        Instant now = now();
        TicketMessage message = messages.save(new TicketMessage(ticket.id(), author, caller.subject(),
                request.body(), internal, now));
        if (author == AuthorType.STAFF && !internal && ticket.firstResponseAt() == null) {
            ticket.recordFirstResponse(now);
            publishBreaches(ticket, sla.reach(ticket.id(), ClockKind.FIRST_RESPONSE, now));
        }
        if (author == AuthorType.CLIENT && (ticket.status() == TicketStatus.WAITING_CLIENT
                || ticket.status() == TicketStatus.RESOLVED)) {
            transition(ticket, TicketStatus.IN_PROGRESS, caller.subject(), "client-replied", now);
        }
        ticket.touch(now);
        tickets.saveAndFlush(ticket);
        outbox.publish(new TicketMessageAdded(ticket.id(), ticket.tenantId(), message.id(), author.name(),
                caller.subject(), internal, now));
        return MessageResponse.of(message);
    }

    @Transactional(readOnly = true)
    public PageResponse<MessageResponse> messages(UUID id, int page, int size, Caller caller) {
        Ticket ticket = load(id, caller);
        PageRequest pageable = PageRequest.of(page, size);
        return PageResponse.of(caller.staff()
                ? messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticket.id(), pageable)
                : messages.findByTicketIdAndInternalFalseOrderByCreatedAtAscIdAsc(ticket.id(), pageable),
                MessageResponse::of);
    }

    @Transactional
    public TicketResponse merge(UUID id, UUID targetId, Caller caller) {
        caller.requireStaff();
        if (id.equals(targetId)) {
            throw ProblemException.unprocessable("merge-not-allowed", "A ticket cannot be merged into itself");
        }
        Ticket source = load(id, caller);
        Ticket target = load(targetId, caller);
        if (source.status() == TicketStatus.CLOSED || target.status() == TicketStatus.CLOSED) {
            throw ProblemException.conflict("ticket-closed", "Closed tickets cannot be merged, nor merged into")
                    .with("closedTicketId", source.status() == TicketStatus.CLOSED ? source.id() : target.id());
        }
        if (!source.requesterCustomerId().equals(target.requesterCustomerId())) {
            throw ProblemException.unprocessable("merge-not-allowed",
                    "Tickets of different customers cannot be merged: the messages would reach another customer");
        }
        Instant now = now();
        int moved = messages.moveAll(source.id(), target.id());
        target.addTags(source.tagArray());
        target.touch(now);
        source.mergedInto(target.id());
        transition(source, TicketStatus.CLOSED, caller.subject(), "merged", now);
        tickets.saveAndFlush(source);
        outbox.publish(new TicketMerged(source.id(), source.tenantId(), target.id(), moved, caller.subject(), now));
        return respond(tickets.saveAndFlush(target));
    }

    @Transactional
    public TicketResponse rate(UUID id, RatingRequest request, Caller caller) {
        Ticket ticket = load(id, caller);
        if (caller.staff() || ticket.requesterUserId() == null
                || !caller.userId().map(ticket.requesterUserId()::equals).orElse(false)) {
            throw Caller.forbidden("Only the ticket's requester may rate it");
        }
        if (ticket.satisfactionScore() != null) {
            throw ProblemException.conflict("already-rated", "This ticket was already rated");
        }
        if (ticket.status() != TicketStatus.RESOLVED) {
            throw ProblemException.conflict("ticket-not-resolved", "Only a RESOLVED ticket can be rated")
                    .with("status", ticket.status());
        }
        Instant now = now();
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        ticket.rate(request.score(), comment, now);
        outbox.publish(new TicketSatisfactionRated(ticket.id(), ticket.tenantId(), ticket.assigneeId(),
                request.score(), comment, caller.subject(), now));
        return respond(tickets.saveAndFlush(ticket));
    }

    @Transactional(readOnly = true)
    public PageResponse<TicketResponse> list(TicketFilter filter, List<String> sort, int page, int size,
                                             Caller caller) {
        TicketSearch.Result result = search.find(visibleTo(filter, caller), sort, page, size);
        return PageResponse.of(loadInOrder(result.ids()), page, size, result.total());
    }

    @Transactional(readOnly = true)
    public String exportCsv(TicketFilter filter, List<String> sort, Caller caller) {
        caller.requireStaff();
        TicketSearch.Result result = search.find(filter, sort, 0, EXPORT_LIMIT);
        if (result.total() > EXPORT_LIMIT) {
            throw ProblemException.unprocessable("export-too-large", result.total()
                    + " tickets match; an export holds at most " + EXPORT_LIMIT + ": narrow the filters")
                    .with("matching", result.total()).with("limit", EXPORT_LIMIT);
        }
        return TicketCsv.write(loadInOrder(result.ids()));
    }

    @Transactional(readOnly = true)
    public SlaView sla(UUID id, Caller caller) {
        caller.requireStaff();
        return sla.view(load(id, caller).id(), now());
    }

    /** Breach job: records a due breach of one clock and publishes it (at most once per clock). */
    @Transactional
    public boolean breachIfDue(UUID ticketId, ClockKind kind) {
        Optional<Breach> breach = sla.breachIfDue(ticketId, kind, now());
        breach.ifPresent(b -> tickets.findById(ticketId).ifPresent(ticket -> publishBreaches(ticket, List.of(b))));
        return breach.isPresent();
    }

    /** Auto-close job: the reminder, then (not before the reminder has had its time) the close. */
    @Transactional
    public void autoCloseStep(UUID ticketId, Timers.Kind kind) {
        Optional<Ticket> found = tickets.findById(ticketId);
        timers.cancel(ticketId, kind);
        if (found.isEmpty() || found.get().status() != TicketStatus.WAITING_CLIENT
                || found.get().autoCloseAt() == null) {
            return;
        }
        Ticket ticket = found.get();
        Instant now = now();
        if (ticket.autoCloseRemindedAt() == null) {
            Duration grace = Duration.between(ticket.autoCloseReminderAt(), ticket.autoCloseAt());
            Instant closeAt = later(ticket.autoCloseAt(), now.plus(grace));
            ticket.remindedOfAutoClose(now, closeAt);
            outbox.publish(new TicketAutoCloseReminderSent(ticket.id(), ticket.tenantId(), ticket.displayNumber(),
                    ticket.title(), ticket.requesterUserId(), ticket.requesterCustomerId(), ticket.waitingSince(),
                    closeAt, now));
            timers.set(ticket.id(), Timers.Kind.AUTO_CLOSE, closeAt);
        } else if (!ticket.autoCloseAt().isAfter(now)) {
            transition(ticket, TicketStatus.CLOSED, null, "auto-closed", now);
        } else {
            timers.set(ticket.id(), Timers.Kind.AUTO_CLOSE, ticket.autoCloseAt());
        }
        tickets.saveAndFlush(ticket);
    }

    /**
     * Applies one move of the transition table with its effects on SLA clocks, auto-close timers and
     * timestamps, and publishes {@code TicketStatusChanged}.
     *
     * @throws ProblemException 409 {@code invalid-status-transition} with {@code allowedTransitions}
     */
    private void transition(Ticket ticket, TicketStatus target, String by, String reason, Instant now) {
        TicketStatus from = ticket.status();
        if (!from.canMoveTo(target)) {
            throw ProblemException.conflict("invalid-status-transition",
                            "A ticket in " + from + " cannot move to " + target + "; allowed: "
                                    + (from.allowedNext().isEmpty() ? "none (final status)" : from.allowedNext()))
                    .with("currentStatus", from).with("requestedStatus", target)
                    .with("allowedTransitions", from.allowedNext());
        }
        List<Breach> breaches = new ArrayList<>();
        if (from == TicketStatus.WAITING_CLIENT) {
            timers.cancel(ticket.id(), Timers.Kind.AUTO_CLOSE_REMINDER);
            timers.cancel(ticket.id(), Timers.Kind.AUTO_CLOSE);
            if (target == TicketStatus.IN_PROGRESS) {
                sla.resume(ticket.id(), now);
            }
        }
        if (from == TicketStatus.RESOLVED && target == TicketStatus.IN_PROGRESS) {
            sla.reopen(ticket.id(), now);
        }
        switch (target) {
            case WAITING_CLIENT -> {
                breaches.addAll(sla.pause(ticket.id(), now));
                AutoCloseSettings.Days days = autoClose.current();
                if (days.enabled()) {
                    Instant remindAt = now.plus(Duration.ofDays(days.remindAfterDays()));
                    ticket.startWaiting(now, remindAt, now.plus(Duration.ofDays(days.closeAfterDays())));
                    timers.set(ticket.id(), Timers.Kind.AUTO_CLOSE_REMINDER, remindAt);
                } else {
                    ticket.startWaiting(now, null, null);
                }
            }
            case RESOLVED -> {
                breaches.addAll(sla.reach(ticket.id(), ClockKind.RESOLUTION, now));
                breaches.addAll(sla.stopAll(ticket.id(), now));
            }
            case CLOSED -> breaches.addAll(sla.stopAll(ticket.id(), now));
            default -> { }
        }
        ticket.moveTo(target, now);
        publishBreaches(ticket, breaches);
        outbox.publish(new TicketStatusChanged(ticket.id(), ticket.tenantId(), ticket.displayNumber(), from.name(),
                target.name(), by, reason, now));
    }

    private void publishBreaches(Ticket ticket, List<Breach> breaches) {
        for (Breach breach : breaches) {
            outbox.publish(new TicketSlaBreached(ticket.id(), ticket.tenantId(), ticket.displayNumber(),
                    breach.clock().name(), breach.priority().name(), breach.targetMinutes(), breach.dueAt(),
                    breach.breachedAt(), ticket.assigneeId()));
        }
    }

    /** The ticket if the caller may see it; 404 otherwise (another tenant's, or another client's). */
    private Ticket load(UUID id, Caller caller) {
        Ticket ticket = tickets.findById(id).orElseThrow(() -> ProblemException.notFound("Ticket", id));
        if (caller.client() && (ticket.requesterUserId() == null
                || !caller.userId().map(ticket.requesterUserId()::equals).orElse(false))) {
            throw ProblemException.notFound("Ticket", id);
        }
        return ticket;
    }

    private static TicketFilter visibleTo(TicketFilter filter, Caller caller) {
        if (caller.staff()) {
            return filter;
        }
        UUID self = caller.userId().orElse(new UUID(0, 0));
        return new TicketFilter(filter.status(), filter.priority(), filter.assigneeId(), filter.categoryId(), self,
                filter.requesterCustomerId(), filter.tag(), filter.text(), filter.createdFrom(), filter.createdTo());
    }

    private static void requireOpen(Ticket ticket) {
        if (ticket.status() == TicketStatus.CLOSED) {
            ProblemException closed = ProblemException.conflict("ticket-closed",
                    "Ticket " + ticket.displayNumber() + " is closed");
            throw ticket.mergedIntoId() == null ? closed : closed.with("mergedIntoId", ticket.mergedIntoId());
        }
    }

    private List<TicketResponse> loadInOrder(List<UUID> ids) {
        Map<UUID, Ticket> byId = new HashMap<>();
        tickets.findAllById(ids).forEach(ticket -> byId.put(ticket.id(), ticket));
        Map<UUID, String> names = new HashMap<>();
        Function<UUID, String> categoryName = categoryId -> categoryId == null ? null
                : names.computeIfAbsent(categoryId, key -> categories.find(key).map(c -> c.name()).orElse(null));
        return ids.stream().map(byId::get).filter(Objects::nonNull)
                .map(ticket -> TicketResponse.of(ticket, categoryName.apply(ticket.categoryId()))).toList();
    }

    private TicketResponse respond(Ticket ticket) {
        String categoryName = ticket.categoryId() == null ? null
                : categories.find(ticket.categoryId()).map(c -> c.name()).orElse(null);
        return TicketResponse.of(ticket, categoryName);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
