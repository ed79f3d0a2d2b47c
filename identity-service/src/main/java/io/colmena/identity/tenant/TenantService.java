package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantCreated;
import io.colmena.events.identity.TenantPlanChanged;
import io.colmena.events.identity.TenantStatus;
import io.colmena.events.identity.TenantStatusChanged;
import io.colmena.events.identity.TenantUpdated;
import io.colmena.identity.config.IdentityProperties;
import io.colmena.identity.support.ValidationProblems;
import io.colmena.platform.events.EventOutbox;
import io.colmena.platform.tenancy.TenantContext;
import io.colmena.platform.web.ProblemException;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tenants: registration, profile, plan and status. Every change publishes its event through the
 * outbox in the same transaction; plan and status events carry the tenant as CloudEvents
 * {@code tenantid}, so callers bind the tenant ({@link TenantContext}) before calling.
 */
@Service
public class TenantService {

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);

    /** Locale and time zone of a new tenant until its owner changes them (the seeds' businesses are in Spain). */
    static final String DEFAULT_LOCALE = "es-ES";
    static final String DEFAULT_TIMEZONE = "Europe/Madrid";

    private final TenantRepository tenants;
    private final EventOutbox outbox;
    private final Clock clock;
    private final IdentityProperties properties;

    public TenantService(TenantRepository tenants, EventOutbox outbox, Clock clock, IdentityProperties properties) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    /** Registers a tenant in TRIAL on FREE for the configured trial length and publishes TenantCreated. */
    @Transactional
    public Tenant register(UUID id, String name, String industry, String contactEmail) {
        Instant now = clock.instant();
        Tenant tenant = tenants.save(Tenant.startTrial(id, name.strip(), industry, contactEmail, DEFAULT_LOCALE,
                DEFAULT_TIMEZONE, now, now.plus(properties.trialLength())));
        outbox.publish(new TenantCreated(id, tenant.name(), industry, tenant.plan(), tenant.status(),
                tenant.trialEndsAt()));
        return tenant;
    }

    /** The tenant, or 404. */
    @Transactional(readOnly = true)
    public TenantResponse get(UUID id) {
        return TenantResponse.of(require(id));
    }

    /** The tenant, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Tenant> find(UUID id) {
        return tenants.findById(id);
    }

    /**
     * Replaces the tenant's profile and publishes TenantUpdated.
     *
     * @param expectedVersion the {@code If-Match} version, or {@code null} to overwrite unconditionally
     * @throws ProblemException 400 for an unknown locale or time zone; 409 when {@code expectedVersion} is stale
     */
    @Transactional
    public TenantResponse update(UUID id, UpdateTenantRequest request, Long expectedVersion) {
        String locale = validLocale(request.locale());
        String timezone = validTimezone(request.timezone());
        Tenant tenant = require(id);
        if (expectedVersion != null && expectedVersion != tenant.version()) {
            throw new ObjectOptimisticLockingFailureException(Tenant.class, id);
        }
        tenant.updateProfile(request.name().strip(), request.industry(), locale, timezone, request.settings(),
                clock.instant());
        tenants.saveAndFlush(tenant);
        outbox.publish(new TenantUpdated(id, tenant.name(), tenant.industry(), tenant.locale(), tenant.timezone()));
        return TenantResponse.of(tenant);
    }

    /**
     * Makes {@code email} the address platform operators reach the tenant at (its owner's, set at
     * registration and moved by an ownership transfer). No event: consumers do not keep it.
     * @return the tenant as saved
     */
    @Transactional
    public Tenant changeContactEmail(UUID id, String email) {
        Tenant tenant = require(id);
        tenant.changeContactEmail(email, clock.instant());
        return tenants.saveAndFlush(tenant);
    }

    /** Sets the plan as a platform operator decided; publishes TenantPlanChanged when it changes. */
    @Transactional
    public TenantResponse changePlan(UUID id, Plan plan) {
        Tenant tenant = require(id);
        Instant now = clock.instant();
        applyPlan(tenant, plan, now, now);
        return TenantResponse.of(tenant);
    }

    /**
     * Applies the plan billing-service reports. Reports are ordered by {@code changedAt}: one not
     * newer than the last plan change is stale and ignored, so the newest always wins whatever
     * order Kafka delivers them in. An unknown tenant is logged and skipped.
     */
    @Transactional
    public void applyBillingPlan(UUID id, Plan plan, Instant changedAt) {
        Optional<Tenant> found = tenants.findById(id);
        if (found.isEmpty()) {
            log.warn("Billing reported plan {} for unknown tenant {}; ignored", plan, id);
            return;
        }
        Tenant tenant = found.get();
        if (changedAt == null || !changedAt.isAfter(tenant.planChangedAt())) {
            log.info("Ignoring billing's plan {} for tenant {} of {}: the plan changed later, at {}",
                    plan, id, changedAt, tenant.planChangedAt());
            return;
        }
        applyPlan(tenant, plan, changedAt, clock.instant());
    }

    /**
     * Sets the status (operators: ACTIVE, SUSPENDED or BANNED; TRIAL is only where a tenant starts)
     * and publishes TenantStatusChanged when it changes.
     *
     * @throws ProblemException 422 {@code invalid-status} for TRIAL
     */
    @Transactional
    public TenantResponse changeStatus(UUID id, TenantStatus status, String reason) {
        if (status == TenantStatus.TRIAL) {
            throw ProblemException.unprocessable("invalid-status",
                    "A tenant cannot be put back in TRIAL; choose ACTIVE, SUSPENDED or BANNED");
        }
        Tenant tenant = require(id);
        TenantStatus previous = tenant.status();
        if (previous != status) {
            tenant.changeStatus(status, reason, clock.instant());
            tenants.saveAndFlush(tenant);
            outbox.publish(new TenantStatusChanged(id, previous, status, reason));
        }
        return TenantResponse.of(tenant);
    }

    /**
     * Moves a tenant whose trial has ended to ACTIVE (on the plan it has) and publishes
     * TenantStatusChanged; a tenant no longer in TRIAL is left alone.
     */
    @Transactional
    public void endTrial(UUID id) {
        Tenant tenant = require(id);
        if (tenant.status() == TenantStatus.TRIAL && !tenant.trialEndsAt().isAfter(clock.instant())) {
            tenant.changeStatus(TenantStatus.ACTIVE, "trial ended", clock.instant());
            tenants.saveAndFlush(tenant);
            outbox.publish(new TenantStatusChanged(id, TenantStatus.TRIAL, TenantStatus.ACTIVE, "trial ended"));
        }
    }

    /** Ids of tenants whose trial ended by now and that are still in TRIAL. */
    @Transactional(readOnly = true)
    public List<UUID> trialsEndedBy(Instant now) {
        return tenants.findAll((root, query, cb) -> cb.and(
                        cb.equal(root.get("status"), TenantStatus.TRIAL),
                        cb.lessThanOrEqualTo(root.get("trialEndsAt"), now)))
                .stream().map(Tenant::id).toList();
    }

    /** Tenants matching {@code filter}, one page. */
    @Transactional(readOnly = true)
    public Page<Tenant> search(TenantFilter filter, Pageable pageable) {
        return tenants.findAll(specification(filter), pageable);
    }

    /** Every tenant matching {@code filter}, in {@code sort} order (CSV export). */
    @Transactional(readOnly = true)
    public List<TenantResponse> export(TenantFilter filter, Sort sort) {
        return tenants.findAll(specification(filter), sort).stream().map(TenantResponse::of).toList();
    }

    private void applyPlan(Tenant tenant, Plan plan, Instant changedAt, Instant now) {
        Plan previous = tenant.plan();
        tenant.changePlan(plan, changedAt, now);
        tenants.saveAndFlush(tenant);
        if (previous != plan) {
            outbox.publish(new TenantPlanChanged(tenant.id(), previous, plan));
        }
    }

    private Tenant require(UUID id) {
        return tenants.findById(id).orElseThrow(() -> ProblemException.notFound("Tenant", id));
    }

    private static Specification<Tenant> specification(TenantFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.plan() != null) {
                predicates.add(cb.equal(root.get("plan"), filter.plan()));
            }
            if (filter.status() != null) {
                predicates.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                String like = "%" + filter.q().strip().toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                predicates.add(cb.or(cb.like(cb.lower(root.get("name")), like, '\\'),
                        cb.like(cb.lower(root.get("contactEmail")), like, '\\')));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static String validLocale(String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ValidationProblems.field("locale", "must be a BCP 47 language tag such as es-ES or en");
        }
    }

    private static String validTimezone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ValidationProblems.field("timezone", "must be an IANA time zone such as Europe/Madrid");
        }
    }
}
