package io.colmena.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's business time: working windows per day of the week in one time zone, minus holidays.
 * Pure arithmetic, no I/O: SLA due times and remaining times are computed here.
 *
 * <p>Rules:
 * <ul>
 *   <li>A window is {@code [start, end)} in the tenant's local time; {@code end} 00:00 means the end
 *       of that day. Windows of one day must not overlap.</li>
 *   <li>A holiday removes every window of that local date.</li>
 *   <li>Business time is real elapsed time inside windows. Local times are resolved with
 *       {@link ZonedDateTime#of} semantics (java.time / TZDB rules): a time that falls in a
 *       daylight-saving gap moves forward by the gap, an ambiguous time in an overlap takes the
 *       earlier offset. So a 01:00–03:00 window lasts one hour on the spring-forward night and
 *       three on the fall-back night in Europe/Madrid.</li>
 * </ul>
 */
public final class BusinessCalendar {

    /** Search horizon: a calendar whose next working minute is further away than this is refused. */
    private static final int MAX_DAYS = 3_660;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Window>> week;
    private final Set<LocalDate> holidays;

    /**
     * One working window of a day, in local time.
     *
     * @param start first working instant of the window
     * @param end   first instant after it; {@link LocalTime#MIDNIGHT} means the end of the day
     */
    public record Window(LocalTime start, LocalTime end) {

        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
                throw new IllegalArgumentException("A working window must start before it ends: " + start + "–" + end);
            }
        }

        boolean endsAtMidnight() {
            return end.equals(LocalTime.MIDNIGHT);
        }

        boolean overlaps(Window next) {
            return endsAtMidnight() || next.start.isBefore(end);
        }
    }

    /**
     * @param zone     the tenant's time zone (IANA id)
     * @param week     working windows per day; days absent or empty are not worked
     * @param holidays local dates without business time
     * @throws IllegalArgumentException when no day has a window, or windows of a day overlap
     */
    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> week, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
        Map<DayOfWeek, List<Window>> sorted = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, windows) -> {
            List<Window> ordered = new ArrayList<>(windows);
            ordered.sort(Comparator.comparing(Window::start));
            for (int i = 1; i < ordered.size(); i++) {
                if (ordered.get(i - 1).overlaps(ordered.get(i))) {
                    throw new IllegalArgumentException("Working windows of " + day + " overlap: "
                            + ordered.get(i - 1) + " and " + ordered.get(i));
                }
            }
            if (!ordered.isEmpty()) {
                sorted.put(day, List.copyOf(ordered));
            }
        });
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("At least one day of the week needs a working window");
        }
        this.week = sorted;
    }

    /** Monday to Friday, 09:00–17:00, in {@code zone}, no holidays: the default of a tenant that set nothing. */
    public static BusinessCalendar officeHours(ZoneId zone) {
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new Window(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code businessTime} of business time has passed, counting from {@code start}.
     * Zero returns {@code start} itself; otherwise time outside the windows does not count, and a
     * target that ends exactly at a window's end is due at that end (not at the next opening).
     *
     * @throws IllegalArgumentException for a negative duration
     */
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("Business time to add must not be negative: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        LocalDate date = LocalDate.ofInstant(start, zone);
        for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
            for (Interval interval : intervals(date)) {
                Instant from = interval.start.isAfter(start) ? interval.start : start;
                if (!from.isBefore(interval.end)) {
                    continue;
                }
                Duration available = Duration.between(from, interval.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("No business time within " + MAX_DAYS + " days of " + start);
    }

    /** Business time inside {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval interval : intervals(date)) {
                Instant start = interval.start.isAfter(from) ? interval.start : from;
                Instant end = interval.end.isBefore(to) ? interval.end : to;
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private List<Interval> intervals(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Window> windows = week.getOrDefault(date.getDayOfWeek(), List.of());
        List<Interval> intervals = new ArrayList<>(windows.size());
        for (Window window : windows) {
            Instant start = ZonedDateTime.of(date, window.start(), zone).toInstant();
            Instant end = window.endsAtMidnight()
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, window.end(), zone).toInstant();
            if (start.isBefore(end)) {
                intervals.add(new Interval(start, end));
            }
        }
        return intervals;
    }

    private record Interval(Instant start, Instant end) {}
}
