package io.colmena.identity.tenant;

import io.colmena.events.identity.Plan;
import io.colmena.events.identity.TenantStatus;

/**
 * Which tenants an operator lists ({@code GET /api/tenants}); {@code null} fields do not filter.
 *
 * @param q      text contained (case-insensitively) in the name or the contact e-mail
 * @param plan   only tenants on this plan
 * @param status only tenants with this status
 */
public record TenantFilter(String q, Plan plan, TenantStatus status) {}
