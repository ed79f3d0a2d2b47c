package io.colmena.ticket.support;

import io.colmena.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Due times of scheduled work in {@code ticket_timer}: the one table the scheduled jobs can read
 * without a tenant bound (it holds ids and instants only, no ticket content). Set and cancelled in
 * the transaction that changes the ticket, so a timer exists exactly while its work may become due.
 */
@Component
public class Timers {

    /** What a timer is for. */
    public enum Kind { SLA_FIRST_RESPONSE, SLA_RESOLUTION, AUTO_CLOSE_REMINDER, AUTO_CLOSE }

    /** A due timer: bind {@code tenantId} before acting on it. */
    public record Due(UUID tenantId, UUID ticketId, Kind kind, Instant dueAt) {}

    private final JdbcTemplate jdbc;

    public Timers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets (or moves) the timer of {@code kind} for a ticket of the bound tenant. */
    public void set(UUID ticketId, Kind kind, Instant dueAt) {
        jdbc.update("""
                insert into ticket_timer (tenant_id, ticket_id, kind, due_at) values (?, ?, ?, ?)
                on conflict (tenant_id, ticket_id, kind) do update set due_at = excluded.due_at""",
                TenantContext.require(), ticketId, kind.name(), Timestamp.from(dueAt));
    }

    /** Removes the timer of {@code kind} for a ticket of the bound tenant, if set. */
    public void cancel(UUID ticketId, Kind kind) {
        jdbc.update("delete from ticket_timer where tenant_id = ? and ticket_id = ? and kind = ?",
                TenantContext.require(), ticketId, kind.name());
    }

    /** Timers of the given kinds due at {@code now}, across tenants, oldest first. */
    public List<Due> due(Instant now, List<Kind> kinds, int limit) {
        String[] names = kinds.stream().map(Kind::name).toArray(String[]::new);
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    select tenant_id, ticket_id, kind, due_at from ticket_timer
                    where due_at <= ? and kind = any (?) order by due_at limit ?""");
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setArray(2, con.createArrayOf("text", names));
            statement.setInt(3, limit);
            return statement;
        }, (rs, row) -> new Due(rs.getObject("tenant_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                Kind.valueOf(rs.getString("kind")), rs.getTimestamp("due_at").toInstant()));
    }
}
