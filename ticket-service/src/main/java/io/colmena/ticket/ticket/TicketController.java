package io.colmena.ticket.ticket;

import io.colmena.platform.idempotency.Idempotent;
import io.colmena.ticket.sla.SlaView;
import io.colmena.ticket.support.Caller;
import io.colmena.ticket.support.ETags;
import io.colmena.ticket.support.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Support tickets ({@code /api/tickets}). Staff (OWNER, ADMIN, AGENT) work every ticket of their
 * tenant; CLIENT users see and act on their own tickets only, and get a 404 for any other, as for
 * another tenant's. Ticket answers carry the version as {@code ETag}; {@code PUT /api/tickets/{id}}
 * requires {@code If-Match} (428 without, 409 {@code concurrent-modification} when stale); the status
 * and assignee endpoints check it when sent. Errors are RFC 9457 problems (see the module README).
 */
@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets")
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    /**
     * Lists tickets with filters, newest first by default. {@code sort}: createdAt, updatedAt, number, title,
     * status or priority, each optionally followed by {@code ,asc}/{@code ,desc}. A CLIENT sees their own only.
     */
    @Operation(summary = "List tickets (staff: the tenant's; CLIENT: their own)")
    @GetMapping
    public PageResponse<TicketResponse> list(@ParameterObject TicketFilter filter,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                             @RequestParam(required = false) List<String> sort) {
        return tickets.list(filter, sort, page, size, Caller.current());
    }

    /**
     * The filtered list as CSV (RFC 4180, {@code text/csv}, UTF-8, header line), staff only. Same filters
     * and sort as the list; at most 10,000 rows, otherwise 422 {@code export-too-large}.
     */
    @Operation(summary = "Export tickets as CSV (staff)")
    @GetMapping(value = "/export.csv", produces = "text/csv")
    public ResponseEntity<byte[]> export(@ParameterObject TicketFilter filter,
                                         @RequestParam(required = false) List<String> sort) {
        String csv = tickets.exportCsv(filter, sort, Caller.current());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("tickets.csv").build().toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Opens a ticket: 201 with {@code Location} and {@code ETag}. A CLIENT opens it for themselves (their
     * {@code sub} and {@code customer_id}); staff name the customer. Honours {@code Idempotency-Key}.
     */
    @Operation(summary = "Open a ticket")
    @Idempotent
    @PostMapping
    public ResponseEntity<TicketResponse> create(@Valid @RequestBody CreateTicketRequest request) {
        TicketResponse ticket = tickets.create(request, Caller.current());
        return ResponseEntity.created(URI.create("/api/tickets/" + ticket.id()))
                .eTag(ETags.of(ticket.version())).body(ticket);
    }

    /** One ticket with its {@code ETag}; 404 when not visible to the caller. */
    @Operation(summary = "Read a ticket")
    @GetMapping("/{id}")
    public ResponseEntity<TicketResponse> get(@PathVariable UUID id) {
        return withETag(tickets.get(id, Caller.current()));
    }

    /** Replaces title, description, priority, category and tags; requires {@code If-Match}. */
    @Operation(summary = "Edit a ticket (If-Match required)")
    @PutMapping("/{id}")
    public ResponseEntity<TicketResponse> update(@PathVariable UUID id,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody UpdateTicketRequest request) {
        return withETag(tickets.update(id, ifMatch, request, Caller.current()));
    }

    /**
     * Moves the ticket along the transition table; 409 {@code invalid-status-transition} lists
     * {@code allowedTransitions}. A CLIENT may close, or reopen (RESOLVED/WAITING_CLIENT → IN_PROGRESS).
     */
    @Operation(summary = "Change a ticket's status")
    @PutMapping("/{id}/status")
    public ResponseEntity<TicketResponse> changeStatus(@PathVariable UUID id,
                                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                       @Valid @RequestBody StatusChangeRequest request) {
        return withETag(tickets.changeStatus(id, ifMatch, request.status(), Caller.current()));
    }

    /** Assigns (or with a null id unassigns) the ticket; staff only; 422 {@code unknown-assignee}. */
    @Operation(summary = "Assign a ticket (staff)")
    @PutMapping("/{id}/assignee")
    public ResponseEntity<TicketResponse> assign(@PathVariable UUID id,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody AssignRequest request) {
        return withETag(tickets.assign(id, ifMatch, request.assigneeId(), Caller.current()));
    }

    /**
     * Adds a message (201). CLIENT users post CLIENT messages; staff post STAFF or AI messages and
     * internal notes. A CLIENT reply to a WAITING_CLIENT or RESOLVED ticket moves it to IN_PROGRESS; the
     * first public STAFF reply is the first response. 409 {@code ticket-closed} on a closed ticket.
     */
    @Operation(summary = "Add a message")
    @Idempotent
    @PostMapping("/{id}/messages")
    public ResponseEntity<MessageResponse> addMessage(@PathVariable UUID id, @Valid @RequestBody MessageRequest request) {
        MessageResponse message = tickets.addMessage(id, request, Caller.current());
        return ResponseEntity.created(URI.create("/api/tickets/" + id + "/messages/" + message.id())).body(message);
    }

    /** The ticket's messages, oldest first (page size up to 200); CLIENT users never see internal notes. */
    @Operation(summary = "List a ticket's messages")
    @GetMapping("/{id}/messages")
    public PageResponse<MessageResponse> messages(@PathVariable UUID id,
                                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return tickets.messages(id, page, size, Caller.current());
    }

    /**
     * Merges this ticket into {@code targetTicketId} (staff): its messages move there, its tags join the
     * target's, and it is CLOSED with {@code mergedIntoId}. Both must be open and of the same customer
     * (422 {@code merge-not-allowed}). Answers the target.
     */
    @Operation(summary = "Merge a ticket into another (staff)")
    @PostMapping("/{id}/merge")
    public ResponseEntity<TicketResponse> merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return withETag(tickets.merge(id, request.targetTicketId(), Caller.current()));
    }

    /**
     * The requester rates a RESOLVED ticket, once: 409 {@code ticket-not-resolved} or {@code already-rated};
     * 403 for anyone but the requester.
     */
    @Operation(summary = "Rate a resolved ticket (its requester)")
    @PostMapping("/{id}/rating")
    public ResponseEntity<TicketResponse> rate(@PathVariable UUID id, @Valid @RequestBody RatingRequest request) {
        return withETag(tickets.rate(id, request, Caller.current()));
    }

    /** The ticket's SLA clocks (due times, remaining business minutes) and their full trail; staff only. */
    @Operation(summary = "SLA clocks and trail of a ticket (staff)")
    @GetMapping("/{id}/sla")
    public SlaView sla(@PathVariable UUID id) {
        return tickets.sla(id, Caller.current());
    }

    private static ResponseEntity<TicketResponse> withETag(TicketResponse ticket) {
        return ResponseEntity.ok().eTag(ETags.of(ticket.version())).body(ticket);
    }
}
