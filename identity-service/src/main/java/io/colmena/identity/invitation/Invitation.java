package io.colmena.identity.invitation;

import io.colmena.identity.user.UserRole;
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
 * An e-mailed invitation to join a tenant with a role. Tenant-owned. Only the SHA-256 of its
 * token is kept; the token itself travels only in the e-mail.
 */
@Entity
@Table(name = "invitation")
class Invitation {

    enum Status { PENDING, ACCEPTED, REVOKED }

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

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "invited_by", nullable = false)
    private UUID invitedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "user_id")
    private UUID userId;

    @Version
    private long version;

    protected Invitation() {}

    Invitation(UUID id, String email, String name, UserRole role, UUID customerId, String tokenHash, UUID invitedBy,
               Instant now, Instant expiresAt) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.role = role;
        this.customerId = customerId;
        this.tokenHash = tokenHash;
        this.status = Status.PENDING;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean pendingAt(Instant now) {
        return status == Status.PENDING && expiresAt.isAfter(now);
    }

    void accept(UUID userId, Instant now) {
        this.status = Status.ACCEPTED;
        this.userId = userId;
        this.acceptedAt = now;
    }

    void revoke() {
        this.status = Status.REVOKED;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    UserRole role() {
        return role;
    }

    UUID customerId() {
        return customerId;
    }

    Status status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
