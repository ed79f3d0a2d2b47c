package io.colmena.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.colmena.ticket.sla.BusinessCalendar.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** 2026-03-02 is a Monday; 2026-03-06 a Friday. */
    static Instant madrid(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static BusinessCalendar weekdays(ZoneId zone, Set<LocalDate> holidays, Window... windows) {
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(windows));
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    static BusinessCalendar allDayEveryDay(ZoneId zone) {
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    static Window window(String start, String end) {
        return new Window(LocalTime.parse(start), LocalTime.parse(end));
    }

    final BusinessCalendar office = BusinessCalendar.officeHours(MADRID);

    @Nested
    class AddingBusinessTime {

        @Test
        void withinOneWorkingDayTheDueTimeIsPlainClockTime() {
            assertThat(office.plus(madrid("2026-03-02T10:00"), Duration.ofMinutes(60)))
                    .isEqualTo(madrid("2026-03-02T11:00"));
        }

        @Test
        void whatDoesNotFitTodayContinuesAtTheNextOpening() {
            assertThat(office.plus(madrid("2026-03-02T16:30"), Duration.ofMinutes(60)))
                    .isEqualTo(madrid("2026-03-03T09:30"));
        }

        @Test
        void aTicketOpenedBeforeOpeningStartsCountingAtOpening() {
            assertThat(office.plus(madrid("2026-03-02T07:00"), Duration.ofMinutes(30)))
                    .isEqualTo(madrid("2026-03-02T09:30"));
        }

        @Test
        void aTargetEndingExactlyAtClosingIsDueAtClosingNotAtTheNextOpening() {
            assertThat(office.plus(madrid("2026-03-02T16:00"), Duration.ofMinutes(60)))
                    .isEqualTo(madrid("2026-03-02T17:00"));
        }

        @Test
        void theWeekendDoesNotCount() {
            assertThat(office.plus(madrid("2026-03-06T16:00"), Duration.ofMinutes(120)))
                    .isEqualTo(madrid("2026-03-09T10:00"));
        }

        @Test
        void aTicketOpenedOnSaturdayStartsCountingOnMonday() {
            assertThat(office.plus(madrid("2026-03-07T12:00"), Duration.ofMinutes(30)))
                    .isEqualTo(madrid("2026-03-09T09:30"));
        }

        @Test
        void aHolidayAfterTheWeekendIsSkippedToo() {
            BusinessCalendar withHoliday = weekdays(MADRID, Set.of(LocalDate.parse("2026-03-09")),
                    window("09:00", "17:00"));

            assertThat(withHoliday.plus(madrid("2026-03-06T16:00"), Duration.ofMinutes(120)))
                    .isEqualTo(madrid("2026-03-10T10:00"));
        }

        @Test
        void consecutiveHolidaysAndAWeekendAreAllSkipped() {
            BusinessCalendar easter = weekdays(MADRID,
                    Set.of(LocalDate.parse("2026-04-02"), LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06")),
                    window("09:00", "17:00"));

            assertThat(easter.plus(madrid("2026-04-01T16:00"), Duration.ofMinutes(90)))
                    .isEqualTo(madrid("2026-04-07T09:30"));
        }

        @Test
        void aLunchBreakDoesNotCount() {
            BusinessCalendar split = weekdays(MADRID, Set.of(), window("14:00", "18:00"), window("09:00", "13:00"));

            assertThat(split.plus(madrid("2026-03-02T12:30"), Duration.ofMinutes(60)))
                    .isEqualTo(madrid("2026-03-02T14:30"));
        }

        @Test
        void severalDaysOfTargetSpanSeveralWorkingDays() {
            assertThat(office.plus(madrid("2026-03-05T09:00"), Duration.ofHours(24)))
                    .isEqualTo(madrid("2026-03-09T17:00"));
        }

        @Test
        void zeroBusinessTimeIsDueAtOnceEvenOutsideHours() {
            Instant saturday = madrid("2026-03-07T12:00");

            assertThat(office.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
        }

        @Test
        void negativeBusinessTimeIsRefused() {
            assertThatThrownBy(() -> office.plus(madrid("2026-03-02T10:00"), Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class TimeZones {

        @Test
        void theSameInstantFallsDueAtDifferentInstantsInDifferentZones() {
            Instant mondayAfternoonInMadrid = Instant.parse("2026-03-02T15:00:00Z");

            assertThat(BusinessCalendar.officeHours(MADRID).plus(mondayAfternoonInMadrid, Duration.ofMinutes(120)))
                    .isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
            assertThat(BusinessCalendar.officeHours(NEW_YORK).plus(mondayAfternoonInMadrid, Duration.ofMinutes(120)))
                    .isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        }

        @Test
        void aUtcFridayEveningCanStillBeFridayAfternoonInTheTenantsZone() {
            Instant utcSaturdayMorning = Instant.parse("2026-03-07T03:00:00Z");
            BusinessCalendar honolulu = weekdays(ZoneId.of("Pacific/Honolulu"), Set.of(), window("09:00", "18:00"));

            assertThat(honolulu.plus(utcSaturdayMorning, Duration.ofMinutes(30)))
                    .isEqualTo(at(ZoneId.of("Pacific/Honolulu"), "2026-03-06T17:30"));
        }

        @Test
        void aHolidayIsALocalDateOfTheTenantsZone() {
            BusinessCalendar tokyo = weekdays(ZoneId.of("Asia/Tokyo"), Set.of(LocalDate.parse("2026-03-20")),
                    window("09:00", "17:00"));

            assertThat(tokyo.plus(at(ZoneId.of("Asia/Tokyo"), "2026-03-19T16:00"), Duration.ofMinutes(120)))
                    .isEqualTo(at(ZoneId.of("Asia/Tokyo"), "2026-03-23T10:00"));
        }
    }

    @Nested
    class DaylightSaving {

        @Test
        void aRoundTheClockDayLastsTwentyThreeHoursWhenClocksSpringForward() {
            BusinessCalendar always = allDayEveryDay(MADRID);

            assertThat(always.plus(madrid("2026-03-28T12:00"), Duration.ofHours(24)))
                    .isEqualTo(madrid("2026-03-29T13:00"));
            assertThat(always.between(madrid("2026-03-28T12:00"), madrid("2026-03-29T12:00")))
                    .isEqualTo(Duration.ofHours(23));
        }

        @Test
        void aRoundTheClockDayLastsTwentyFiveHoursWhenClocksFallBack() {
            BusinessCalendar always = allDayEveryDay(MADRID);

            assertThat(always.plus(madrid("2026-10-24T12:00"), Duration.ofHours(24)))
                    .isEqualTo(madrid("2026-10-25T11:00"));
            assertThat(always.between(madrid("2026-10-24T12:00"), madrid("2026-10-25T12:00")))
                    .isEqualTo(Duration.ofHours(25));
        }

        @Test
        void aNightWindowAcrossTheSpringGapHoldsOneRealHour() {
            BusinessCalendar night = nightShift(MADRID);
            Instant start = madrid("2026-03-29T01:00");

            assertThat(night.between(start, madrid("2026-03-29T04:00"))).isEqualTo(Duration.ofHours(1));
            assertThat(night.plus(start, Duration.ofMinutes(60))).isEqualTo(madrid("2026-03-29T03:00"));
        }

        @Test
        void aNightWindowAcrossTheAutumnOverlapHoldsThreeRealHours() {
            BusinessCalendar night = nightShift(MADRID);

            assertThat(night.between(madrid("2026-10-25T00:00"), madrid("2026-10-25T04:00")))
                    .isEqualTo(Duration.ofHours(3));
        }

        @Test
        void officeHoursAreUnchangedOnTheDaysAmericanClocksMove() {
            BusinessCalendar newYork = BusinessCalendar.officeHours(NEW_YORK);

            assertThat(newYork.plus(at(NEW_YORK, "2026-03-06T16:00"), Duration.ofMinutes(120)))
                    .isEqualTo(at(NEW_YORK, "2026-03-09T10:00"));
            assertThat(newYork.between(at(NEW_YORK, "2026-03-06T09:00"), at(NEW_YORK, "2026-03-09T17:00")))
                    .isEqualTo(Duration.ofHours(16));
        }

        private BusinessCalendar nightShift(ZoneId zone) {
            Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, List.of(window("01:00", "03:00")));
            }
            return new BusinessCalendar(zone, week, Set.of());
        }
    }

    @Nested
    class MeasuringBusinessTime {

        @Test
        void countsOnlyTimeInsideWindows() {
            assertThat(office.between(madrid("2026-03-06T16:00"), madrid("2026-03-09T10:00")))
                    .isEqualTo(Duration.ofMinutes(120));
        }

        @Test
        void holidaysCountNothing() {
            BusinessCalendar withHoliday = weekdays(MADRID, Set.of(LocalDate.parse("2026-03-09")),
                    window("09:00", "17:00"));

            assertThat(withHoliday.between(madrid("2026-03-06T16:00"), madrid("2026-03-10T10:00")))
                    .isEqualTo(Duration.ofMinutes(120));
        }

        @Test
        void anIntervalEntirelyOutsideHoursIsZero() {
            assertThat(office.between(madrid("2026-03-07T08:00"), madrid("2026-03-08T20:00"))).isZero();
            assertThat(office.between(madrid("2026-03-02T18:00"), madrid("2026-03-03T08:59"))).isZero();
        }

        @Test
        void anIntervalGoingBackwardsIsZero() {
            assertThat(office.between(madrid("2026-03-03T10:00"), madrid("2026-03-02T10:00"))).isZero();
        }

        @Test
        void measuringWhatWasAddedGivesItBackFromAnyStart() {
            BusinessCalendar calendar = weekdays(MADRID,
                    Set.of(LocalDate.parse("2026-03-19"), LocalDate.parse("2026-03-30")),
                    window("08:30", "13:30"), window("15:00", "19:15"));
            Random random = new Random(42);
            Instant base = madrid("2026-03-01T00:00");
            for (int i = 0; i < 500; i++) {
                Instant start = base.plusSeconds(random.nextInt(40 * 24 * 3600));
                Duration target = Duration.ofMinutes(random.nextInt(5_000));

                Instant due = calendar.plus(start, target);

                assertThat(calendar.between(start, due)).as("from %s plus %s", start, target).isEqualTo(target);
            }
        }
    }

    @Nested
    class Validation {

        @Test
        void aWeekWithoutAnyWorkingWindowIsRefused() {
            assertThatThrownBy(() -> new BusinessCalendar(MADRID, Map.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working window");
        }

        @Test
        void overlappingWindowsOfOneDayAreRefused() {
            assertThatThrownBy(() -> weekdays(MADRID, Set.of(), window("09:00", "13:00"), window("12:00", "18:00")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        }

        @Test
        void aWindowEndingBeforeItStartsIsRefused() {
            assertThatThrownBy(() -> window("18:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
