package org.diwan.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.chrono.HijrahDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final WorkingCalendar plain = WorkingCalendar.defaults(RIYADH);
    private final WorkingCalendar withHolidays = new WorkingCalendar(WorkingCalendar.DEFAULT_WEEKEND,
            LocalTime.of(8, 0), LocalTime.of(15, 0), RIYADH, List.of(
                    HolidayRule.parse("hijri:10-01+3 Eid al-Fitr"),
                    HolidayRule.parse("hijri:12-09+5 Arafat and Eid al-Adha"),
                    HolidayRule.parse("hijri:01-01 Islamic New Year"),
                    HolidayRule.parse("gregorian:*-12-16 National Day")));

    private static Instant riyadh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(RIYADH).toInstant();
    }

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void fridayAndSaturdayAreTheWeekendByDefault() {
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 12, 3))).as("Thursday").isTrue();
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 12, 4))).as("Friday").isFalse();
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 12, 5))).as("Saturday").isFalse();
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 12, 6))).as("Sunday").isTrue();
    }

    @Test
    void workingTimeCarriesOverTheWeekend() {
        // Thursday 14:00 + 2 h: one hour on Thursday, one on Sunday.
        assertThat(plain.addWorkingTime(riyadh("2026-12-03T14:00"), Duration.ofHours(2))).isEqualTo(riyadh("2026-12-06T09:00"));
        assertThat(plain.workingTimeBetween(riyadh("2026-12-03T14:00"), riyadh("2026-12-06T09:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(plain.addWorkingTime(riyadh("2026-12-03T08:00"), Duration.ofHours(8))).isEqualTo(riyadh("2026-12-06T09:00"));
    }

    @Test
    void addsWorkingDaysBothWays() {
        LocalDate thursday = LocalDate.of(2026, 12, 3);
        assertThat(plain.addWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(plain.addWorkingDays(thursday, 5)).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(plain.addWorkingDays(LocalDate.of(2026, 12, 6), -1)).isEqualTo(thursday);
        assertThat(plain.addWorkingDays(LocalDate.of(2026, 12, 4), 0)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(plain.addWorkingDays(LocalDate.of(2026, 12, 4), 1)).as("from a Friday").isEqualTo(LocalDate.of(2026, 12, 6));
    }

    @Test
    void aHijriHolidayIsSkipped() {
        LocalDate eid = LocalDate.from(HijrahDate.of(1447, 10, 1));
        assertThat(eid).isEqualTo(LocalDate.of(2026, 3, 20));
        LocalDate dayBefore = eid.minusDays(1);
        LocalDate firstDayBack = eid.plusDays(3);
        assertThat(withHolidays.isWorkingDay(dayBefore)).isTrue();
        for (int day = 0; day < 3; day++) {
            assertThat(withHolidays.isWorkingDay(eid.plusDays(day))).as("Eid day %d", day + 1).isFalse();
            assertThat(withHolidays.holidayOn(eid.plusDays(day)).orElseThrow().name()).isEqualTo("Eid al-Fitr");
        }
        assertThat(withHolidays.isWorkingDay(firstDayBack)).isTrue();

        Instant start = dayBefore.atTime(14, 0).atZone(RIYADH).toInstant();
        Instant due = firstDayBack.atTime(9, 0).atZone(RIYADH).toInstant();
        assertThat(withHolidays.addWorkingTime(start, Duration.ofHours(2))).isEqualTo(due);
        assertThat(withHolidays.workingTimeBetween(start, due)).isEqualTo(Duration.ofHours(2));
        assertThat(withHolidays.addWorkingDays(dayBefore, 1)).isEqualTo(firstDayBack);
        // Without the holiday, Sunday the third day of Eid is worked.
        assertThat(plain.addWorkingTime(start, Duration.ofHours(2))).isEqualTo(eid.plusDays(2).atTime(9, 0).atZone(RIYADH).toInstant());
    }

    @Test
    void eidAlAdhaMovesElevenDaysAYearInGregorian() {
        for (int year = 1447; year <= 1452; year++) {
            LocalDate arafat = LocalDate.from(HijrahDate.of(year, 12, 9));
            for (int day = 0; day < 5; day++) {
                assertThat(withHolidays.isWorkingDay(arafat.plusDays(day))).as("%d Dhu al-Hijjah %d", 9 + day, year).isFalse();
            }
            LocalDate after = arafat.plusDays(5);
            assertThat(withHolidays.isWorkingDay(after) || plain.weekend().contains(after.getDayOfWeek())).isTrue();
        }
    }

    @Test
    void aYearlyGregorianHolidayIsSkippedEveryYear() {
        assertThat(withHolidays.isWorkingDay(LocalDate.of(2026, 12, 16))).as("Wednesday 2026").isFalse();
        assertThat(withHolidays.isWorkingDay(LocalDate.of(2027, 12, 16))).as("Thursday 2027").isFalse();
        assertThat(withHolidays.isWorkingDay(LocalDate.of(2030, 12, 16))).as("Monday 2030").isFalse();
        assertThat(withHolidays.addWorkingTime(riyadh("2026-12-15T14:30"), Duration.ofHours(1))).isEqualTo(riyadh("2026-12-17T08:30"));
    }

    @Test
    void aStartAtNightBeginsAtTheNextOpening() {
        assertThat(plain.addWorkingTime(riyadh("2026-11-30T22:00"), Duration.ofHours(1))).isEqualTo(riyadh("2026-12-01T09:00"));
        assertThat(plain.addWorkingTime(riyadh("2026-12-01T03:00"), Duration.ofHours(1))).isEqualTo(riyadh("2026-12-01T09:00"));
        assertThat(plain.workingTimeBetween(riyadh("2026-11-30T22:00"), riyadh("2026-12-01T07:59"))).isZero();
    }

    @Test
    void aStartOnTheWeekendBeginsOnSunday() {
        assertThat(plain.addWorkingTime(riyadh("2026-12-04T10:00"), Duration.ofMinutes(90))).isEqualTo(riyadh("2026-12-06T09:30"));
        assertThat(plain.nextOpening(riyadh("2026-12-05T23:59"))).isEqualTo(riyadh("2026-12-06T08:00"));
    }

    @Test
    void aStartOnAHolidayBeginsAfterIt() {
        LocalDate secondDayOfEid = LocalDate.from(HijrahDate.of(1447, 10, 2));
        Instant start = secondDayOfEid.atTime(10, 0).atZone(RIYADH).toInstant();
        LocalDate back = LocalDate.from(HijrahDate.of(1447, 10, 4));
        assertThat(withHolidays.addWorkingTime(start, Duration.ofMinutes(30))).isEqualTo(back.atTime(8, 30).atZone(RIYADH).toInstant());
    }

    @Test
    void nextOpeningKeepsAnInstantInWorkingHours() {
        assertThat(plain.nextOpening(riyadh("2026-12-01T10:15"))).isEqualTo(riyadh("2026-12-01T10:15"));
        assertThat(plain.nextOpening(riyadh("2026-12-01T08:00"))).isEqualTo(riyadh("2026-12-01T08:00"));
        assertThat(plain.nextOpening(riyadh("2026-12-01T07:00"))).isEqualTo(riyadh("2026-12-01T08:00"));
        assertThat(plain.nextOpening(riyadh("2026-12-01T15:00"))).as("closing time").isEqualTo(riyadh("2026-12-02T08:00"));
    }

    @Test
    void aDeadlineUsingUpADayEndsAtClosingNotAtTheNextOpening() {
        assertThat(plain.addWorkingTime(riyadh("2026-12-01T08:00"), Duration.ofHours(7))).isEqualTo(riyadh("2026-12-01T15:00"));
        assertThat(plain.addWorkingTime(riyadh("2026-12-01T08:00"), Duration.ofHours(7).plusSeconds(1)))
                .isEqualTo(riyadh("2026-12-02T08:00:01"));
        assertThat(plain.addWorkingTime(riyadh("2026-12-05T03:00"), Duration.ZERO)).isEqualTo(riyadh("2026-12-05T03:00"));
    }

    @Test
    void timeBetweenIsZeroWhenToIsNotAfterFrom() {
        assertThat(plain.workingTimeBetween(riyadh("2026-12-01T10:00"), riyadh("2026-12-01T10:00"))).isZero();
        assertThat(plain.workingTimeBetween(riyadh("2026-12-01T12:00"), riyadh("2026-12-01T10:00"))).isZero();
        assertThat(plain.workingTimeBetween(riyadh("2026-12-01T10:00"), riyadh("2026-12-01T12:30"))).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void timeBetweenIsTheInverseOfAddingWorkingTime() {
        Random random = new Random(13);
        Instant from = riyadh("2025-06-01T00:00");
        for (int i = 0; i < 2_000; i++) {
            Instant start = from.plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
            Duration amount = Duration.ofSeconds(1 + random.nextInt(400 * 3600));
            Instant due = withHolidays.addWorkingTime(start, amount);
            assertThat(withHolidays.workingTimeBetween(start, due)).as("%s + %s = %s", start, amount, due).isEqualTo(amount);
            // and the other way round, for a due time inside working hours; an opening is reached as the previous
            // closing, the same point in working time
            Instant inHours = withHolidays.nextOpening(start.plusSeconds(random.nextInt(60 * 24 * 3600)));
            Instant reached = withHolidays.addWorkingTime(start, withHolidays.workingTimeBetween(start, inHours));
            assertThat(withHolidays.nextOpening(reached)).as("from %s to %s", start, inHours).isEqualTo(inHours);
        }
    }

    @Test
    void aYearOfWorkingTimeCountsEveryWorkingDayOnce() {
        Set<LocalDate> holidays = new HashSet<>();
        for (int hijriYear = 1447; hijriYear <= 1448; hijriYear++) {
            LocalDate eid = LocalDate.from(HijrahDate.of(hijriYear, 10, 1));
            for (int day = 0; day < 3; day++) {
                holidays.add(eid.plusDays(day));
            }
            LocalDate arafat = LocalDate.from(HijrahDate.of(hijriYear, 12, 9));
            for (int day = 0; day < 5; day++) {
                holidays.add(arafat.plusDays(day));
            }
            holidays.add(LocalDate.from(HijrahDate.of(hijriYear, 1, 1)));
        }
        holidays.add(LocalDate.of(2026, 12, 16));
        List<LocalDate> workingDays = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.FRIDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY && !holidays.contains(day)) {
                workingDays.add(day);
            }
        }
        Duration expected = Duration.ofHours(7L * workingDays.size());
        Instant newYear = riyadh("2026-01-01T00:00");

        assertThat(withHolidays.workingTimeBetween(newYear, riyadh("2027-01-01T00:00"))).isEqualTo(expected);
        assertThat(withHolidays.addWorkingTime(newYear, expected))
                .isEqualTo(workingDays.get(workingDays.size() - 1).atTime(15, 0).atZone(RIYADH).toInstant());
        assertThat(withHolidays.addWorkingDays(LocalDate.of(2025, 12, 31), workingDays.size()))
                .isEqualTo(workingDays.get(workingDays.size() - 1));
    }

    @Test
    void centuriesAreWalkedDayByDay() {
        Duration century = withHolidays.workingTimeBetween(riyadh("2000-01-01T00:00"), riyadh("2100-01-01T00:00"));
        assertThat(century).isBetween(Duration.ofHours(7L * 240 * 100), Duration.ofHours(7L * 262 * 100));
        assertThat(withHolidays.addWorkingTime(riyadh("2000-01-01T00:00"), century)).isBefore(riyadh("2100-01-01T00:00"));
    }

    @Test
    void workingHoursAreParisWallClockAcrossDaylightSaving() {
        WorkingCalendar mission = WorkingCalendar.defaults(PARIS);
        // Summer time starts on Sunday 29 March 2026 at 02:00; Sunday is a working day with a Friday/Saturday weekend.
        Instant due = mission.addWorkingTime(paris("2026-03-26T14:00"), Duration.ofHours(2));
        assertThat(due).isEqualTo(paris("2026-03-29T09:00")).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(mission.workingTimeBetween(paris("2026-03-22T00:00"), paris("2026-04-05T00:00"))).isEqualTo(Duration.ofHours(7 * 10));
        // Winter time returns on Sunday 25 October 2026 at 03:00.
        assertThat(mission.nextOpening(paris("2026-10-24T20:00"))).isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void aNightShiftOverTheChangeHasAnHourLessOrMore() {
        WorkingCalendar nights = new WorkingCalendar(Set.of(), LocalTime.of(1, 0), LocalTime.of(4, 0), PARIS, List.of());
        assertThat(nights.workingTimeBetween(paris("2026-03-29T00:00"), paris("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(nights.workingTimeBetween(paris("2026-10-25T00:00"), paris("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(nights.addWorkingTime(paris("2026-03-29T01:00"), Duration.ofHours(2))).isEqualTo(paris("2026-03-29T04:00"));
        assertThat(nights.addWorkingTime(paris("2026-10-25T01:00"), Duration.ofHours(3))).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
    }

    @Test
    void refusesCalendarsWithoutWorkingHours() {
        assertThatThrownBy(() -> new WorkingCalendar(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(15, 0), RIYADH, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seven");
        assertThatThrownBy(() -> new WorkingCalendar(Set.of(), LocalTime.of(15, 0), LocalTime.of(8, 0), RIYADH, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15:00-08:00");
        assertThatThrownBy(() -> new WorkingCalendar(Set.of(), LocalTime.of(8, 0), LocalTime.of(8, 0), RIYADH, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarWhoseHolidaysCoverEveryWorkingDayFailsInsteadOfLoopingForEver() {
        List<HolidayRule> allYear = new ArrayList<>();
        for (int start = 0; start < 366; start += 30) {
            allYear.add(new HolidayRule.YearlyGregorian(java.time.MonthDay.from(LocalDate.of(2024, 1, 1).plusDays(start)), 30, ""));
        }
        WorkingCalendar closed = new WorkingCalendar(WorkingCalendar.DEFAULT_WEEKEND, LocalTime.of(8, 0), LocalTime.of(15, 0), RIYADH, allYear);
        assertThat(closed.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
        assertThatThrownBy(() -> closed.addWorkingDays(LocalDate.of(2026, 1, 1), 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.nextOpening(riyadh("2026-01-01T00:00"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.addWorkingTime(riyadh("2026-01-01T00:00"), Duration.ofHours(1))).isInstanceOf(IllegalStateException.class);
        assertThat(closed.workingTimeBetween(riyadh("2026-01-01T00:00"), riyadh("2030-01-01T00:00"))).isZero();
    }

    @Test
    void refusesNegativeAndBoundlessAmounts() {
        Instant now = riyadh("2026-12-01T10:00");
        assertThatThrownBy(() -> plain.addWorkingTime(now, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.addWorkingTime(now, Duration.ofSeconds(Long.MAX_VALUE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.addWorkingTime(now, Duration.ofDays(100_000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.addWorkingDays(LocalDate.of(2026, 12, 1), Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.addWorkingDays(LocalDate.of(2026, 12, 1), 146_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.workingTimeBetween(Instant.EPOCH, riyadh("9999-01-01T00:00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutable() {
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.FRIDAY);
        List<HolidayRule> holidays = new ArrayList<>();
        WorkingCalendar calendar = new WorkingCalendar(weekend, LocalTime.of(8, 0), LocalTime.of(15, 0), RIYADH, holidays);
        weekend.add(DayOfWeek.SUNDAY);
        holidays.add(HolidayRule.parse("gregorian:*-12-06"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 6))).isTrue();
        assertThatThrownBy(() -> calendar.weekend().add(DayOfWeek.MONDAY)).isInstanceOf(UnsupportedOperationException.class);
    }
}
