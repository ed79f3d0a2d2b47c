package io.colmena.billing.invoice;

import io.colmena.billing.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/** One line of an invoice; its amounts are computed by {@link Invoice#replaceLines}, never sent by clients. */
@Entity
@Table(name = "invoice_line")
class InvoiceLine {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false, updatable = false)
    private Invoice invoice;

    private int position;
    private String description;
    private long quantity;
    private long unitPriceMinor;
    private int taxRateBasisPoints;
    private long netMinor;
    private long taxMinor;
    private long totalMinor;

    protected InvoiceLine() {}

    InvoiceLine(Invoice invoice, int position, String description, long quantity, long unitPriceMinor,
                int taxRateBasisPoints) {
        this.invoice = invoice;
        this.position = position;
        this.description = description;
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor;
        this.taxRateBasisPoints = taxRateBasisPoints;
        this.netMinor = Money.multiply(quantity, unitPriceMinor);
        this.taxMinor = Money.tax(netMinor, taxRateBasisPoints);
        this.totalMinor = Money.add(netMinor, taxMinor);
    }

    int position() {
        return position;
    }

    String description() {
        return description;
    }

    long quantity() {
        return quantity;
    }

    long unitPriceMinor() {
        return unitPriceMinor;
    }

    int taxRateBasisPoints() {
        return taxRateBasisPoints;
    }

    long netMinor() {
        return netMinor;
    }

    long taxMinor() {
        return taxMinor;
    }

    long totalMinor() {
        return totalMinor;
    }
}
