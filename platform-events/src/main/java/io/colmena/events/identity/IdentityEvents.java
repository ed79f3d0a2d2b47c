package io.colmena.events.identity;

import io.colmena.events.EventType;
import java.util.List;

/** identity-service's events: topics {@code colmena.identity.tenant} and {@code colmena.identity.user}. */
public final class IdentityEvents {

    public static final EventType<TenantCreated> TENANT_CREATED =
            EventType.of("colmena.identity.tenant.created", TenantCreated.class);
    public static final EventType<TenantUpdated> TENANT_UPDATED =
            EventType.of("colmena.identity.tenant.updated", TenantUpdated.class);
    public static final EventType<TenantPlanChanged> TENANT_PLAN_CHANGED =
            EventType.of("colmena.identity.tenant.plan-changed", TenantPlanChanged.class);
    public static final EventType<TenantStatusChanged> TENANT_STATUS_CHANGED =
            EventType.of("colmena.identity.tenant.status-changed", TenantStatusChanged.class);
    public static final EventType<UserCreated> USER_CREATED =
            EventType.of("colmena.identity.user.created", UserCreated.class);
    public static final EventType<UserRoleChanged> USER_ROLE_CHANGED =
            EventType.of("colmena.identity.user.role-changed", UserRoleChanged.class);
    public static final EventType<UserDeactivated> USER_DEACTIVATED =
            EventType.of("colmena.identity.user.deactivated", UserDeactivated.class);

    /** All of them, for {@link io.colmena.events.EventCatalog}. */
    public static final List<EventType<?>> TYPES = List.of(TENANT_CREATED, TENANT_UPDATED, TENANT_PLAN_CHANGED,
            TENANT_STATUS_CHANGED, USER_CREATED, USER_ROLE_CHANGED, USER_DEACTIVATED);

    private IdentityEvents() {}
}
