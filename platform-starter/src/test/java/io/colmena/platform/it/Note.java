package io.colmena.platform.it;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A tenant-owned row for the starter's tests. */
@Entity
@Table(name = "note")
class Note {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String text;

    @Version
    private long version;

    protected Note() {}

    Note(String text) {
        this.id = UUID.randomUUID();
        this.text = text;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String text() {
        return text;
    }

    long version() {
        return version;
    }

    void rename(String text) {
        this.text = text;
    }
}
