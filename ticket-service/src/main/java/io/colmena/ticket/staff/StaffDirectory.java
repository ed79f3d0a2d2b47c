package io.colmena.ticket.staff;

import io.colmena.platform.security.Roles;
import io.colmena.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bound tenant's staff, as learned from identity-service's user events
 * ({@code ticket_staff_member}): who may be assigned a ticket. Call inside a transaction.
 */
@Component
public class StaffDirectory {

    /** Roles that work tickets. */
    public static final Set<String> STAFF_ROLES = Set.of(Roles.OWNER, Roles.ADMIN, Roles.AGENT);

    private final JdbcTemplate jdbc;

    StaffDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code userId} is an active OWNER, ADMIN or AGENT of the bound tenant. */
    public boolean isActiveStaff(UUID userId) {
        Boolean found = jdbc.query("""
                select active and role in ('OWNER', 'ADMIN', 'AGENT') from ticket_staff_member
                where tenant_id = ? and user_id = ?""",
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, TenantContext.require(), userId);
        return Boolean.TRUE.equals(found);
    }

    void upsert(UUID userId, String role, boolean active, Instant at) {
        jdbc.update("""
                insert into ticket_staff_member (tenant_id, user_id, role, active, updated_at) values (?, ?, ?, ?, ?)
                on conflict (tenant_id, user_id) do update set role = excluded.role, active = excluded.active,
                    updated_at = excluded.updated_at""",
                TenantContext.require(), userId, role, active, Timestamp.from(at));
    }

    void changeRole(UUID userId, String role, Instant at) {
        jdbc.update("""
                insert into ticket_staff_member (tenant_id, user_id, role, active, updated_at) values (?, ?, ?, true, ?)
                on conflict (tenant_id, user_id) do update set role = excluded.role, updated_at = excluded.updated_at""",
                TenantContext.require(), userId, role, Timestamp.from(at));
    }

    void deactivate(UUID userId, Instant at) {
        jdbc.update("update ticket_staff_member set active = false, updated_at = ? where tenant_id = ? and user_id = ?",
                Timestamp.from(at), TenantContext.require(), userId);
    }
}
