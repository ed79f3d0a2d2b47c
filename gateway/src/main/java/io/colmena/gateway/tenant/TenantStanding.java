package io.colmena.gateway.tenant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;
import java.util.UUID;

/**
 * What the gateway needs to know about a tenant: its plan (which rate applies) and its status
 * (whether it is served at all). Read from identity-service's {@code GET /api/tenants/current},
 * whose JSON has at least these three members; other members are ignored.
 *
 * @param id the tenant, the {@code tenant_id} claim of its tokens
 * @param plan FREE, STARTER, PRO or ENTERPRISE
 * @param status TRIAL, ACTIVE, SUSPENDED or BANNED
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TenantStanding(UUID id, Plan plan, TenantStatus status) {

    /** The same tenant on {@code newPlan}. */
    TenantStanding withPlan(Plan newPlan) {
        return new TenantStanding(id, newPlan, status);
    }

    /** The same tenant with {@code newStatus}. */
    TenantStanding withStatus(TenantStatus newStatus) {
        return new TenantStanding(id, plan, newStatus);
    }
}
