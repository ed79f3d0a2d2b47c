package io.colmena.ticket.category;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

/** A tenant-defined ticket category ("Networking", "Billing question", ...). */
@Entity
@Table(name = "ticket_category")
class TicketCategory {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected TicketCategory() {}

    TicketCategory(String name, String description, Instant createdAt) {
        this.name = name;
        this.description = description;
        this.active = true;
        this.createdAt = createdAt;
    }

    void update(String name, String description, boolean active) {
        this.name = name;
        this.description = description;
        this.active = active;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    boolean active() {
        return active;
    }

    Instant createdAt() {
        return createdAt;
    }

    long version() {
        return version;
    }
}
