package io.colmena.billing.invoice;

import io.colmena.billing.money.Money;
import io.colmena.platform.web.ProblemException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/**
 * An invoice a tenant issues to one of its CRM customers. Its totals are always derived from its
 * lines (see {@link Money} for the rounding rule); its state changes only through the methods below,
 * which enforce {@link InvoiceStatus#next()}.
 */
@Entity
@Table(name = "invoice")
class Invoice {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private String number;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    private UUID customerId;
    private String customerName;
    private String customerEmail;
    private String customerAddress;
    private String currency;
    private LocalDate dueDate;
    private String notes;
    private long subtotalMinor;
    private long taxMinor;
    private long totalMinor;
    private long refundedMinor;
    private Long paidMinor;
    private Instant issuedAt;
    private Instant paidAt;
    private Instant overdueAt;
    private Instant cancelledAt;
    private String cancellationReason;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {}

    Invoice(Instant now) {
        this.status = InvoiceStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets what a draft says; refused once issued (lines are frozen on issue). */
    void edit(InvoiceRequest request, Instant now) {
        requireStatus(InvoiceStatus.DRAFT, "edit");
        this.customerId = request.customerId();
        this.customerName = request.customerName().strip();
        this.customerEmail = request.customerEmail();
        this.customerAddress = request.customerAddress();
        this.currency = request.currency();
        this.dueDate = request.dueDate();
        this.notes = request.notes();
        replaceLines(request.lines());
        this.updatedAt = now;
    }

    /** Replaces the lines and recomputes the totals: subtotal = Σ net, tax = Σ rounded line tax. */
    void replaceLines(List<InvoiceRequest.Line> requested) {
        lines.clear();
        long subtotal = 0;
        long tax = 0;
        int position = 1;
        for (InvoiceRequest.Line line : requested) {
            InvoiceLine computed = new InvoiceLine(this, position++, line.description().strip(), line.quantity(),
                    line.unitPriceMinor(), line.taxRateBasisPoints());
            lines.add(computed);
            subtotal = Money.add(subtotal, computed.netMinor());
            tax = Money.add(tax, computed.taxMinor());
        }
        this.subtotalMinor = subtotal;
        this.taxMinor = tax;
        this.totalMinor = Money.add(subtotal, tax);
    }

    void issue(String number, Instant now, LocalDate today) {
        transition(InvoiceStatus.PENDING, "issue");
        if (dueDate.isBefore(today)) {
            throw ProblemException.unprocessable("due-date-in-the-past",
                    "The due date " + dueDate + " is before today (" + today + "); edit the draft first");
        }
        if (totalMinor <= 0) {
            throw ProblemException.unprocessable("invoice-total-zero", "An invoice with a zero total cannot be issued");
        }
        this.number = number;
        this.issuedAt = now;
        this.updatedAt = now;
    }

    void markPaid(long amountMinor, Instant paidAt, Instant now) {
        transition(InvoiceStatus.PAID, "mark paid");
        this.paidMinor = amountMinor;
        this.paidAt = paidAt;
        this.updatedAt = now;
    }

    void markOverdue(Instant now) {
        transition(InvoiceStatus.OVERDUE, "mark overdue");
        this.overdueAt = now;
        this.updatedAt = now;
    }

    void cancel(String reason, Instant now) {
        transition(InvoiceStatus.CANCELLED, "cancel");
        this.cancellationReason = reason;
        this.cancelledAt = now;
        this.updatedAt = now;
    }

    /** Records Stripe's cumulative refunded amount; it only grows, so late or repeated events change nothing. */
    boolean recordRefund(long cumulativeRefundedMinor, Instant now) {
        if (cumulativeRefundedMinor <= refundedMinor) {
            return false;
        }
        this.refundedMinor = cumulativeRefundedMinor;
        this.updatedAt = now;
        return true;
    }

    /** 409 problem unless this invoice may move to {@code target}; changes nothing. */
    void requireTransition(InvoiceStatus target, String action) {
        if (!status.next().contains(target)) {
            throw ProblemException.conflict("invalid-invoice-transition",
                            "Cannot " + action + " an invoice that is " + status)
                    .with("status", status.name())
                    .with("allowedTransitions", status.next().stream().map(Enum::name).toList());
        }
    }

    private void transition(InvoiceStatus target, String action) {
        requireTransition(target, action);
        this.status = target;
    }

    private void requireStatus(InvoiceStatus required, String action) {
        if (status != required) {
            throw ProblemException.conflict("invalid-invoice-transition",
                            "Cannot " + action + " an invoice that is " + status + "; only " + required + " invoices")
                    .with("status", status.name())
                    .with("allowedTransitions", status.next().stream().map(Enum::name).toList());
        }
    }

    UUID id() { return id; }
    UUID tenantId() { return tenantId; }
    String number() { return number; }
    InvoiceStatus status() { return status; }
    UUID customerId() { return customerId; }
    String customerName() { return customerName; }
    String customerEmail() { return customerEmail; }
    String customerAddress() { return customerAddress; }
    String currency() { return currency; }
    LocalDate dueDate() { return dueDate; }
    String notes() { return notes; }
    long subtotalMinor() { return subtotalMinor; }
    long taxMinor() { return taxMinor; }
    long totalMinor() { return totalMinor; }
    long refundedMinor() { return refundedMinor; }
    Long paidMinor() { return paidMinor; }
    Instant issuedAt() { return issuedAt; }
    Instant paidAt() { return paidAt; }
    Instant overdueAt() { return overdueAt; }
    Instant cancelledAt() { return cancelledAt; }
    String cancellationReason() { return cancellationReason; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
    List<InvoiceLine> lines() { return List.copyOf(lines); }
}
