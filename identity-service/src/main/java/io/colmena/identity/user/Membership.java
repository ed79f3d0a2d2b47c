package io.colmena.identity.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A user of a tenant: role, name, the CRM customer of a CLIENT user, and whether it is active.
 * Tenant-owned ({@code @TenantId} and row-level security). Its id is the Keycloak user id, which
 * holds the credentials and sessions.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserRole role;

    @Column(name = "customer_id")
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MembershipStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Version
    private long version;

    protected Membership() {}

    Membership(UUID id, String email, String name, UserRole role, UUID customerId, Instant now) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.customerId = customerId;
        this.status = MembershipStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String name, UUID customerId, Instant now) {
        this.name = name;
        this.customerId = customerId;
        this.updatedAt = now;
    }

    void changeRole(UserRole role, UUID customerId, Instant now) {
        this.role = role;
        this.customerId = customerId;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.status = MembershipStatus.DEACTIVATED;
        this.deactivatedAt = now;
        this.updatedAt = now;
    }

    void loggedIn(Instant now) {
        this.lastLoginAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public UserRole role() {
        return role;
    }

    public UUID customerId() {
        return customerId;
    }

    public MembershipStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public boolean active() {
        return status == MembershipStatus.ACTIVE;
    }
}
