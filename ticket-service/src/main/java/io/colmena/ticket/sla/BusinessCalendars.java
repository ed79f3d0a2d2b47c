package io.colmena.ticket.sla;

import io.colmena.platform.tenancy.TenantContext;
import io.colmena.ticket.sla.BusinessCalendar.Window;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bound tenant's business hours and holidays, stored in {@code ticket_business_calendar},
 * {@code ticket_business_hours} and {@code ticket_holiday}. A tenant that never set hours works
 * Monday to Friday 09:00–17:00 UTC. Call inside a transaction (row-level security needs the tenant).
 */
@Component
public class BusinessCalendars {

    /** The hours a tenant works. */
    public record Hours(ZoneId timeZone, Map<DayOfWeek, List<Window>> week, boolean configured) {}

    /** A day without business time. */
    public record Holiday(LocalDate date, String name) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BusinessCalendars(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The calendar SLA clocks count in, now. */
    public BusinessCalendar current() {
        Hours hours = hours();
        var holidays = new HashSet<LocalDate>();
        holidays().forEach(holiday -> holidays.add(holiday.date()));
        return new BusinessCalendar(hours.timeZone(), hours.week(), holidays);
    }

    /** The tenant's hours, or the default when it set none. */
    public Hours hours() {
        var tenant = TenantContext.require();
        Optional<ZoneId> zone = jdbc.query("select time_zone from ticket_business_calendar where tenant_id = ?",
                (rs, row) -> ZoneId.of(rs.getString(1)), tenant).stream().findFirst();
        if (zone.isEmpty()) {
            Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    week.put(day, List.of(new Window(LocalTime.of(9, 0), LocalTime.of(17, 0))));
                }
            }
            return new Hours(ZoneOffset.UTC, week, false);
        }
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        jdbc.query("""
                select day_of_week, start_time, end_time from ticket_business_hours
                where tenant_id = ? order by day_of_week, start_time""", rs -> {
            week.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), day -> new ArrayList<>())
                    .add(new Window(rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()));
        }, tenant);
        return new Hours(zone.get(), week, true);
    }

    /** Replaces the tenant's hours (validated by building a {@link BusinessCalendar} first). */
    public void replaceHours(ZoneId zone, Map<DayOfWeek, List<Window>> week) {
        new BusinessCalendar(zone, week, java.util.Set.of());
        var tenant = TenantContext.require();
        jdbc.update("""
                insert into ticket_business_calendar (tenant_id, time_zone, updated_at) values (?, ?, ?)
                on conflict (tenant_id) do update set time_zone = excluded.time_zone, updated_at = excluded.updated_at""",
                tenant, zone.getId(), Timestamp.from(clock.instant()));
        jdbc.update("delete from ticket_business_hours where tenant_id = ?", tenant);
        week.forEach((day, windows) -> windows.forEach(window -> jdbc.update("""
                insert into ticket_business_hours (tenant_id, day_of_week, start_time, end_time) values (?, ?, ?, ?)""",
                tenant, day.getValue(), Time.valueOf(window.start()), Time.valueOf(window.end()))));
    }

    /** The tenant's holidays, oldest first. */
    public List<Holiday> holidays() {
        return jdbc.query("select holiday_date, name from ticket_holiday where tenant_id = ? order by holiday_date",
                (rs, row) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2)), TenantContext.require());
    }

    /** Adds or renames a holiday. */
    public void putHoliday(Holiday holiday) {
        jdbc.update("""
                insert into ticket_holiday (tenant_id, holiday_date, name) values (?, ?, ?)
                on conflict (tenant_id, holiday_date) do update set name = excluded.name""",
                TenantContext.require(), Date.valueOf(holiday.date()), holiday.name());
    }

    /** Removes a holiday; false when there was none that day. */
    public boolean removeHoliday(LocalDate date) {
        return jdbc.update("delete from ticket_holiday where tenant_id = ? and holiday_date = ?",
                TenantContext.require(), Date.valueOf(date)) > 0;
    }
}
