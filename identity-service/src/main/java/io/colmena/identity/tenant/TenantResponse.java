package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant as the API shows it.
 *
 * @param id           tenant id (the {@code tenant_id} claim of its users' tokens)
 * @param name         business name
 * @param industry     industry code (lower-case slug, e.g. {@code it-services})
 * @param locale       BCP 47 language tag, e.g. {@code es-ES}
 * @param timezone     IANA time zone, e.g. {@code Europe/Madrid}
 * @param settings     free-form JSON object of the tenant's preferences
 * @param plan         FREE, STARTER, PRO or ENTERPRISE
 * @param status       TRIAL, ACTIVE, SUSPENDED or BANNED
 * @param statusReason why the status was last set, if anyone said
 * @param trialEndsAt  end of the trial while in TRIAL, else {@code null}
 * @param limits       the plan's limits
 * @param contactEmail e-mail of the person who registered the business
 * @param createdAt    registration time
 * @param updatedAt    last change
 * @param version      optimistic-lock version, also sent as the {@code ETag}
 */
public record TenantResponse(UUID id, String name, String industry, String locale, String timezone,
                             Map<String, Object> settings, Plan plan, TenantStatus status, String statusReason,
                             Instant trialEndsAt, PlanLimits limits, String contactEmail, Instant createdAt,
                             Instant updatedAt, long version) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.name(), tenant.industry(), tenant.locale(), tenant.timezone(),
                tenant.settings(), tenant.plan(), tenant.status(), tenant.statusReason(), tenant.trialEndsAt(),
                PlanLimits.of(tenant.plan()), tenant.contactEmail(), tenant.createdAt(), tenant.updatedAt(),
                tenant.version());
    }
}
