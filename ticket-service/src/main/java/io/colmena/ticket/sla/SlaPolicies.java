package io.colmena.ticket.sla;

import io.colmena.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bound tenant's SLA policies ({@code ticket_sla_policy}), at most one per priority. A priority
 * without a policy has no SLA clocks. Call inside a transaction.
 */
@Component
public class SlaPolicies {

    /**
     * Targets of one priority, in business minutes.
     *
     * @param firstResponseMinutes until the first public reply by a human staff member
     * @param resolutionMinutes    until the ticket is RESOLVED (time in WAITING_CLIENT does not count)
     */
    public record SlaPolicy(Priority priority, int firstResponseMinutes, int resolutionMinutes) {

        int target(ClockKind kind) {
            return kind == ClockKind.FIRST_RESPONSE ? firstResponseMinutes : resolutionMinutes;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SlaPolicies(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<SlaPolicy> all() {
        return jdbc.query("""
                select priority, first_response_minutes, resolution_minutes from ticket_sla_policy
                where tenant_id = ?""", (rs, row) -> new SlaPolicy(Priority.valueOf(rs.getString(1)), rs.getInt(2),
                rs.getInt(3)), TenantContext.require()).stream()
                .sorted(java.util.Comparator.comparing(SlaPolicy::priority)).toList();
    }

    public Optional<SlaPolicy> find(Priority priority) {
        return all().stream().filter(policy -> policy.priority() == priority).findFirst();
    }

    public void put(SlaPolicy policy) {
        jdbc.update("""
                insert into ticket_sla_policy (tenant_id, priority, first_response_minutes, resolution_minutes, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (tenant_id, priority) do update set first_response_minutes = excluded.first_response_minutes,
                    resolution_minutes = excluded.resolution_minutes, updated_at = excluded.updated_at""",
                TenantContext.require(), policy.priority().name(), policy.firstResponseMinutes(),
                policy.resolutionMinutes(), Timestamp.from(clock.instant()));
    }

    public boolean remove(Priority priority) {
        return jdbc.update("delete from ticket_sla_policy where tenant_id = ? and priority = ?",
                TenantContext.require(), priority.name()) > 0;
    }
}
