package io.colmena.billing.invoice;

import io.colmena.billing.money.Money;
import io.colmena.billing.web.PageResponse;
import io.colmena.events.billing.InvoiceCancelled;
import io.colmena.events.billing.InvoiceIssued;
import io.colmena.events.billing.InvoiceOverdue;
import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import jakarta.persistence.criteria.Predicate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoice use cases for the bound tenant: draft, edit, issue (numbering), list, read, cancel, and the
 * overdue transition. Every state change publishes its event through the outbox in the same
 * transaction.
 */
@Service
class InvoiceService {

    private final InvoiceRepository invoices;
    private final PaymentAttemptRepository attempts;
    private final EventOutbox outbox;
    private final JdbcTemplate jdbc;
    private final InvoicePdf pdf;
    private final Clock clock;

    InvoiceService(InvoiceRepository invoices, PaymentAttemptRepository attempts, EventOutbox outbox,
                   JdbcTemplate jdbc, InvoicePdf pdf, Clock clock) {
        this.invoices = invoices;
        this.attempts = attempts;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** A rendered file. */
    record Document(String fileName, byte[] content) {}

    /** The invoice as a PDF; the seller is the tenant's name as identity-service announced it. */
    @Transactional(readOnly = true)
    Document pdf(UUID id) {
        Invoice invoice = visible(id, false);
        UUID tenant = TenantContext.require();
        String seller = jdbc.queryForList("select name from billing_tenant where tenant_id = ? and name is not null",
                String.class, tenant).stream().findFirst().orElse("Workspace " + tenant);
        String file = (invoice.number() != null ? invoice.number() : "draft-" + invoice.id()) + ".pdf";
        return new Document(file, pdf.render(invoice, seller));
    }

    /**
     * Filters of {@code GET /api/invoices}.
     *
     * @param status     only this status
     * @param customerId only this customer (ignored for CLIENT users, who only ever see their own)
     * @param dueBefore  only invoices due before this date
     * @param number     only the invoice with this number
     */
    record Filter(InvoiceStatus status, UUID customerId, LocalDate dueBefore, String number) {}

    @Transactional
    InvoiceResponse create(InvoiceRequest request) {
        validate(request);
        Invoice invoice = new Invoice(clock.instant());
        invoice.edit(request, clock.instant());
        return InvoiceResponse.of(invoices.saveAndFlush(invoice), List.of());
    }

    @Transactional
    InvoiceResponse update(UUID id, Long expectedVersion, InvoiceRequest request) {
        validate(request);
        Invoice invoice = visible(id, true);
        checkVersion(invoice, expectedVersion);
        invoice.edit(request, clock.instant());
        return InvoiceResponse.of(invoices.saveAndFlush(invoice), attempts.findByInvoiceIdOrderByAttemptNumber(id));
    }

    @Transactional
    InvoiceResponse issue(UUID id, Long expectedVersion) {
        Invoice invoice = visible(id, true);
        checkVersion(invoice, expectedVersion);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // A failure after this point rolls the sequence back too, so numbers stay gapless.
        String number = nextNumber(today.getYear());
        invoice.issue(number, now, today);
        jdbc.update("insert into billing_tenant (tenant_id, updated_at) values (?, ?) on conflict (tenant_id) do nothing",
                TenantContext.require(), Timestamp.from(now));
        invoices.saveAndFlush(invoice);
        outbox.publish(new InvoiceIssued(TenantContext.require(), invoice.id(), number, invoice.customerId(),
                invoice.currency(), invoice.totalMinor(), invoice.dueDate(), now));
        return InvoiceResponse.of(invoice, List.of());
    }

    @Transactional(readOnly = true)
    PageResponse<InvoiceResponse> list(Filter filter, Pageable pageable) {
        Viewer viewer = Viewer.current();
        if (viewer.clientOnly() && viewer.customerId() == null) {
            return PageResponse.of(org.springframework.data.domain.Page.empty(pageable), i -> null);
        }
        Specification<Invoice> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (viewer.clientOnly()) {
                where.add(cb.equal(root.get("customerId"), viewer.customerId()));
                where.add(cb.notEqual(root.get("status"), InvoiceStatus.DRAFT));
            } else if (filter.customerId() != null) {
                where.add(cb.equal(root.get("customerId"), filter.customerId()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.dueBefore() != null) {
                where.add(cb.lessThan(root.get("dueDate"), filter.dueBefore()));
            }
            if (filter.number() != null && !filter.number().isBlank()) {
                where.add(cb.equal(root.get("number"), filter.number().trim().toUpperCase(Locale.ROOT)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return PageResponse.of(invoices.findAll(spec, pageable), invoice -> InvoiceResponse.of(invoice, List.of()));
    }

    @Transactional(readOnly = true)
    InvoiceResponse get(UUID id) {
        Invoice invoice = visible(id, false);
        return InvoiceResponse.of(invoice, attempts.findByInvoiceIdOrderByAttemptNumber(id));
    }

    /** The invoice if the caller may see it, else 404 (also for another tenant's id). */
    @Transactional(readOnly = true)
    Invoice visible(UUID id, boolean lock) {
        Invoice invoice = (lock ? invoices.lockById(id) : invoices.findById(id))
                .orElseThrow(() -> ProblemException.notFound("Invoice", id));
        if (!Viewer.current().maySee(invoice)) {
            throw ProblemException.notFound("Invoice", id);
        }
        return invoice;
    }

    /** Marks the bound tenant's PENDING invoices whose due date passed OVERDUE; answers how many. */
    @Transactional
    int markOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Invoice> due = invoices.findPastDue(today);
        for (Invoice invoice : due) {
            invoice.markOverdue(now);
            outbox.publish(new InvoiceOverdue(TenantContext.require(), invoice.id(), invoice.number(),
                    invoice.customerId(), invoice.currency(), invoice.totalMinor(), invoice.dueDate(), now));
        }
        invoices.flush();
        return due.size();
    }

    /** Cancels {@code invoice} (already locked by the caller) and publishes the event. */
    void cancel(Invoice invoice, String reason) {
        Instant now = clock.instant();
        invoice.cancel(reason, now);
        invoices.saveAndFlush(invoice);
        outbox.publish(new InvoiceCancelled(TenantContext.require(), invoice.id(), invoice.number(),
                invoice.customerId(), reason, now));
    }

    private String nextNumber(int year) {
        Long value = jdbc.queryForObject("""
                insert into invoice_number_sequence (tenant_id, year, last_value) values (?, ?, 1)
                on conflict (tenant_id, year) do update set last_value = invoice_number_sequence.last_value + 1
                returning last_value""", Long.class, TenantContext.require(), year);
        return String.format(Locale.ROOT, "INV-%d-%06d", year, value);
    }

    private static void checkVersion(Invoice invoice, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != invoice.version()) {
            throw new ObjectOptimisticLockingFailureException(Invoice.class, invoice.id());
        }
    }

    private static void validate(InvoiceRequest request) {
        if (!Money.isCurrency(request.currency())) {
            throw ProblemException.unprocessable("unknown-currency",
                    request.currency() + " is not an ISO 4217 currency");
        }
    }
}
