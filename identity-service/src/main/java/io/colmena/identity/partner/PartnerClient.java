package io.colmena.identity.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A tenant's partner client: the Keycloak client it is, its name and scopes. Tenant-owned; no secret kept. */
@Entity
@Table(name = "partner_client")
class PartnerClient {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "keycloak_id", nullable = false)
    private String keycloakId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PartnerClient() {}

    PartnerClient(UUID id, String clientId, String keycloakId, String name, List<String> scopes, UUID createdBy,
                  Instant now) {
        this.id = id;
        this.clientId = clientId;
        this.keycloakId = keycloakId;
        this.name = name;
        this.scopes = String.join(" ", scopes);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    String keycloakId() {
        return keycloakId;
    }

    String name() {
        return name;
    }

    List<String> scopes() {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    UUID createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }
}
