package io.colmena.billing.invoice;

import io.colmena.billing.web.PageResponse;
import io.colmena.billing.web.Paging;
import io.colmena.platform.idempotency.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Invoices a tenant issues to its customers. Roles: OWNER, ADMIN, AGENT (staff) see and manage all of
 * the tenant's invoices (cancel: OWNER, ADMIN); CLIENT users see and pay only the issued invoices of
 * their own CRM customer ({@code customer_id} claim). Another tenant's or another customer's invoice
 * is a 404 problem. Amounts are integers in minor units; totals are computed by the server.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>GET /api/invoices</td><td>page of invoices; filters status, customerId, dueBefore, number;
 *       page, size, sort (createdAt, dueDate, number, totalMinor, status)</td></tr>
 *   <tr><td>GET /api/invoices/{id}</td><td>one invoice with lines and payment attempts; ETag = version</td></tr>
 *   <tr><td>POST /api/invoices</td><td>201 draft (Idempotency-Key honoured)</td></tr>
 *   <tr><td>PUT /api/invoices/{id}</td><td>replace a draft (If-Match optional); 409 once issued</td></tr>
 *   <tr><td>POST /api/invoices/{id}/issue</td><td>DRAFT → PENDING, numbered INV-yyyy-nnnnnn</td></tr>
 *   <tr><td>POST /api/invoices/{id}/pay</td><td>Stripe Checkout URL or PaymentIntent client secret</td></tr>
 *   <tr><td>POST /api/invoices/{id}/retry</td><td>new attempt after a failed one; 409 otherwise</td></tr>
 *   <tr><td>POST /api/invoices/{id}/cancel</td><td>→ CANCELLED; 409 when PAID or CANCELLED</td></tr>
 *   <tr><td>GET /api/invoices/{id}/pdf</td><td>application/pdf</td></tr>
 * </table>
 */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "Invoices")
class InvoiceController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "dueDate", "number", "totalMinor", "status");
    private static final String STAFF = "hasAnyRole('OWNER','ADMIN','AGENT')";
    private static final String STAFF_OR_CLIENT = "hasAnyRole('OWNER','ADMIN','AGENT','CLIENT')";

    private final InvoiceService invoices;
    private final InvoicePayments payments;

    InvoiceController(InvoiceService invoices, InvoicePayments payments) {
        this.invoices = invoices;
        this.payments = payments;
    }

    /**
     * Why an invoice is cancelled.
     *
     * @param reason free text, optional
     */
    record CancelRequest(@Size(max = 500) String reason) {}

    @Operation(summary = "List invoices (CLIENT users: only their own, issued ones)")
    @GetMapping
    @PreAuthorize(STAFF_OR_CLIENT)
    public PageResponse<InvoiceResponse> list(@RequestParam(required = false) InvoiceStatus status,
                                              @RequestParam(required = false) UUID customerId,
                                              @RequestParam(required = false) LocalDate dueBefore,
                                              @RequestParam(required = false) String number,
                                              @RequestParam(defaultValue = "0") int page,
                                              @RequestParam(defaultValue = "20") int size,
                                              @RequestParam(required = false) String sort) {
        return invoices.list(new InvoiceService.Filter(status, customerId, dueBefore, number),
                Paging.of(page, size, sort, SORTABLE, Sort.by(Sort.Direction.DESC, "createdAt")));
    }

    @Operation(summary = "One invoice with its lines and payment attempts")
    @GetMapping("/{id}")
    @PreAuthorize(STAFF_OR_CLIENT)
    public ResponseEntity<InvoiceResponse> get(@PathVariable UUID id) {
        InvoiceResponse invoice = invoices.get(id);
        return ResponseEntity.ok().eTag(Long.toString(invoice.version())).body(invoice);
    }

    @Operation(summary = "Create a draft invoice; totals are computed from the lines")
    @Idempotent
    @PostMapping
    @PreAuthorize(STAFF)
    public ResponseEntity<InvoiceResponse> create(@Valid @RequestBody InvoiceRequest request) {
        InvoiceResponse created = invoices.create(request);
        return ResponseEntity.created(URI.create("/api/invoices/" + created.id()))
                .eTag(Long.toString(created.version())).body(created);
    }

    @Operation(summary = "Replace a draft invoice (If-Match: its version)")
    @PutMapping("/{id}")
    @PreAuthorize(STAFF)
    public ResponseEntity<InvoiceResponse> update(@PathVariable UUID id,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  @Valid @RequestBody InvoiceRequest request) {
        InvoiceResponse updated = invoices.update(id, version(ifMatch), request);
        return ResponseEntity.ok().eTag(Long.toString(updated.version())).body(updated);
    }

    @Operation(summary = "Issue a draft: number it and freeze its lines")
    @PostMapping("/{id}/issue")
    @PreAuthorize(STAFF)
    public ResponseEntity<InvoiceResponse> issue(@PathVariable UUID id,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        InvoiceResponse issued = invoices.issue(id, version(ifMatch));
        return ResponseEntity.ok().eTag(Long.toString(issued.version())).body(issued);
    }

    @Operation(summary = "Pay through Stripe: a Checkout URL or a PaymentIntent client secret")
    @Idempotent
    @PostMapping("/{id}/pay")
    @PreAuthorize(STAFF_OR_CLIENT)
    public PaymentResponse pay(@PathVariable UUID id, @Valid @RequestBody(required = false) PayRequest request) {
        return payments.pay(id, request == null ? new PayRequest(null, null, null) : request);
    }

    @Operation(summary = "Retry collecting an invoice whose last payment attempt failed")
    @Idempotent
    @PostMapping("/{id}/retry")
    @PreAuthorize(STAFF_OR_CLIENT)
    public PaymentResponse retry(@PathVariable UUID id, @Valid @RequestBody(required = false) PayRequest request) {
        return payments.retry(id, request == null ? new PayRequest(null, null, null) : request);
    }

    @Operation(summary = "Cancel an unpaid invoice")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('OWNER','ADMIN')")
    public InvoiceResponse cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request) {
        return payments.cancel(id, request == null ? null : request.reason());
    }

    @Operation(summary = "The invoice as a PDF")
    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(STAFF_OR_CLIENT)
    public ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        InvoiceService.Document document = invoices.pdf(id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition",
                        ContentDisposition.attachment().filename(document.fileName()).build().toString())
                .body(document.content());
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.replace("W/", "").replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new io.colmena.platform.web.ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "bad-request", "Invalid If-Match", "If-Match must be the ETag of the invoice (its version)");
        }
    }
}
