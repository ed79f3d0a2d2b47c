package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A business on the platform: its profile, plan and status. Not tenant-owned in the row-level
 * security sense (operators list every tenant); a tenant's users see only their own through
 * {@code /api/tenants/current}.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String industry;

    @Column(nullable = false)
    private String locale;

    @Column(nullable = false)
    private String timezone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> settings = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "trial_ends_at")
    private Instant trialEndsAt;

    @Column(name = "plan_changed_at", nullable = false)
    private Instant planChangedAt;

    @Column(name = "contact_email", nullable = false)
    private String contactEmail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Tenant() {}

    /** A tenant that starts its trial on FREE at {@code now}. */
    static Tenant startTrial(UUID id, String name, String industry, String contactEmail, String locale,
                             String timezone, Instant now, Instant trialEndsAt) {
        Tenant tenant = new Tenant();
        tenant.id = id;
        tenant.name = name;
        tenant.industry = industry;
        tenant.contactEmail = contactEmail;
        tenant.locale = locale;
        tenant.timezone = timezone;
        tenant.plan = Plan.FREE;
        tenant.status = TenantStatus.TRIAL;
        tenant.trialEndsAt = trialEndsAt;
        tenant.planChangedAt = Instant.EPOCH; // the starting FREE is nobody's change: any billing report beats it
        tenant.createdAt = now;
        tenant.updatedAt = now;
        return tenant;
    }

    void updateProfile(String name, String industry, String locale, String timezone, Map<String, Object> settings,
                       Instant now) {
        this.name = name;
        this.industry = industry;
        this.locale = locale;
        this.timezone = timezone;
        this.settings = new LinkedHashMap<>(settings);
        this.updatedAt = now;
    }

    void changeContactEmail(String contactEmail, Instant now) {
        this.contactEmail = contactEmail;
        this.updatedAt = now;
    }

    void changePlan(Plan plan, Instant changedAt, Instant now) {
        this.plan = plan;
        this.planChangedAt = changedAt;
        this.updatedAt = now;
    }

    void changeStatus(TenantStatus status, String reason, Instant now) {
        this.status = status;
        this.statusReason = reason;
        if (status != TenantStatus.TRIAL) {
            this.trialEndsAt = null;
        }
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String industry() {
        return industry;
    }

    public String locale() {
        return locale;
    }

    public String timezone() {
        return timezone;
    }

    public Map<String, Object> settings() {
        return settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public Plan plan() {
        return plan;
    }

    public TenantStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public Instant trialEndsAt() {
        return trialEndsAt;
    }

    public Instant planChangedAt() {
        return planChangedAt;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
