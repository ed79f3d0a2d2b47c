package io.colmena.ticket.ticket;

import io.colmena.platform.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When tickets that wait for the client close by themselves ({@code ticket_auto_close_settings}).
 * Default: remind after 5 days, close after 7. The days in force when a ticket starts waiting apply
 * to that wait.
 */
@Component
class AutoCloseSettings {

    /**
     * @param closeAfterDays  days in WAITING_CLIENT after which the ticket is closed; 0 turns auto-close off
     * @param remindAfterDays days after which the reminder event is published; less than {@code closeAfterDays}
     */
    record Days(int closeAfterDays, int remindAfterDays) {

        static final Days DEFAULT = new Days(7, 5);

        boolean enabled() {
            return closeAfterDays > 0;
        }
    }

    private final JdbcTemplate jdbc;

    AutoCloseSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Days current() {
        return jdbc.query("""
                select close_after_days, remind_after_days from ticket_auto_close_settings where tenant_id = ?""",
                (rs, row) -> new Days(rs.getInt(1), rs.getInt(2)), TenantContext.require())
                .stream().findFirst().orElse(Days.DEFAULT);
    }

    void put(Days days, Instant now) {
        jdbc.update("""
                insert into ticket_auto_close_settings (tenant_id, close_after_days, remind_after_days, updated_at)
                values (?, ?, ?, ?)
                on conflict (tenant_id) do update set close_after_days = excluded.close_after_days,
                    remind_after_days = excluded.remind_after_days, updated_at = excluded.updated_at""",
                TenantContext.require(), days.closeAfterDays(), days.remindAfterDays(), Timestamp.from(now));
    }
}
