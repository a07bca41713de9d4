package org.diwan.api.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A working calendar: which days are worked (not a weekend day, not a holiday), the working hours of those days
 * on the local wall clock of {@code zone}, and business-time arithmetic on it for deadlines and SLA clocks.
 *
 * <p>Working hours are wall-clock times: on a day a daylight-saving change falls inside them, that day has an
 * hour more or less of working time. Arithmetic walks at most day by day, so a span of years costs a few thousand
 * steps; spans longer than {@value #MAX_SPAN_DAYS} days are refused, and a calendar with no working day for
 * {@value #MAX_CLOSED_DAYS} days in a row makes the arithmetic fail rather than search for ever.
 *
 * @param weekend  days never worked; fewer than seven
 * @param opens    start of the working day, wall clock
 * @param closes   end of the working day, after {@code opens} on the same day
 * @param zone     the zone whose wall clock the working hours are read on
 * @param holidays days off besides the weekend
 */
public record WorkingCalendar(Set<DayOfWeek> weekend, LocalTime opens, LocalTime closes, ZoneId zone,
        List<HolidayRule> holidays) {

    /** The weekend in the region: Friday and Saturday. */
    public static final Set<DayOfWeek> DEFAULT_WEEKEND =
            Collections.unmodifiableSet(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));
    public static final LocalTime DEFAULT_OPENS = LocalTime.of(8, 0);
    public static final LocalTime DEFAULT_CLOSES = LocalTime.of(15, 0);
    /** About 400 years: the longest span the arithmetic walks. */
    public static final int MAX_SPAN_DAYS = 146_097;
    /** The longest run of days without work the arithmetic looks through (about three years) before it gives up. */
    public static final int MAX_CLOSED_DAYS = 3 * 366;

    public WorkingCalendar {
        Objects.requireNonNull(weekend, "weekend");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidays, "holidays");
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.addAll(weekend);
        if (days.size() == DayOfWeek.values().length) {
            throw new IllegalArgumentException("a weekend of all seven days leaves no working day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("working hours must close after they open on the same day: " + opens + "-" + closes);
        }
        weekend = Collections.unmodifiableSet(days);
        holidays = List.copyOf(holidays);
    }

    /** Friday and Saturday off, 08:00 to 15:00, no holidays. */
    public static WorkingCalendar defaults(ZoneId zone) {
        return new WorkingCalendar(DEFAULT_WEEKEND, DEFAULT_OPENS, DEFAULT_CLOSES, zone, List.of());
    }

    /** The first holiday rule covering {@code date}, if any (whatever the day of the week). */
    public Optional<HolidayRule> holidayOn(LocalDate date) {
        for (HolidayRule rule : holidays) {
            if (rule.covers(date)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public boolean isWorkingDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && holidayOn(date).isEmpty();
    }

    /**
     * The working day {@code count} working days after {@code date} (before it when negative); {@code date} itself is
     * not counted, so one working day after a Thursday is the Sunday with the default weekend. Zero gives
     * {@code date} unchanged, worked or not.
     */
    public LocalDate addWorkingDays(LocalDate date, int count) {
        if (Math.abs((long) count) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("at most " + MAX_SPAN_DAYS + " working days, not " + count);
        }
        int step = count < 0 ? -1 : 1;
        LocalDate day = date;
        for (int left = Math.abs(count); left > 0; left--) {
            day = nextWorkingDay(day, step);
            if (Math.abs(ChronoUnit.DAYS.between(date, day)) > MAX_SPAN_DAYS) {
                throw new IllegalArgumentException(count + " working days from " + date + " span more than " + MAX_SPAN_DAYS + " days");
            }
        }
        return day;
    }

    /** {@code instant} if it falls in working hours, otherwise the start of the next working hours. */
    public Instant nextOpening(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, zone);
        for (int day = 0; day <= MAX_CLOSED_DAYS; day++, date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                Instant close = at(date, closes);
                if (instant.isBefore(close)) {
                    Instant open = at(date, opens);
                    return instant.isBefore(open) ? open : instant;
                }
            }
        }
        throw noWorkingDay(LocalDate.ofInstant(instant, zone));
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}; a start outside working
     * hours counts from the next opening. A deadline that uses a day's hours up exactly ends at that day's closing,
     * not at the next opening. Zero gives {@code start} unchanged.
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        if (amount.compareTo(Duration.ofDays(MAX_SPAN_DAYS)) > 0) {
            throw tooLong(amount);
        }
        Instant cursor = nextOpening(start);
        LocalDate first = LocalDate.ofInstant(cursor, zone);
        Duration left = amount;
        while (true) {
            LocalDate date = LocalDate.ofInstant(cursor, zone);
            if (ChronoUnit.DAYS.between(first, date) > MAX_SPAN_DAYS) {
                throw tooLong(amount);
            }
            Instant close = at(date, closes);
            Duration today = Duration.between(cursor, close);
            if (left.compareTo(today) <= 0) {
                return cursor.plus(left);
            }
            left = left.minus(today);
            cursor = nextOpening(close);
        }
    }

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to, zone);
        if (ChronoUnit.DAYS.between(first, last) > MAX_SPAN_DAYS) {
            throw new IllegalArgumentException("spans of more than " + MAX_SPAN_DAYS + " days are refused: " + from + " to " + to);
        }
        Duration total = Duration.ZERO;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                Instant open = latest(at(date, opens), from);
                Instant close = earliest(at(date, closes), to);
                if (close.isAfter(open)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
        }
        return total;
    }

    private LocalDate nextWorkingDay(LocalDate date, int step) {
        LocalDate day = date;
        for (int tried = 0; tried <= MAX_CLOSED_DAYS; tried++) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw noWorkingDay(date);
    }

    private Instant at(LocalDate date, LocalTime time) {
        // A time inside a daylight-saving gap moves forward by the gap, as ZonedDateTime does.
        return date.atTime(time).atZone(zone).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalArgumentException tooLong(Duration amount) {
        return new IllegalArgumentException("more working time than " + MAX_SPAN_DAYS + " days hold: " + amount);
    }

    private static IllegalStateException noWorkingDay(LocalDate from) {
        return new IllegalStateException("no working day within " + MAX_CLOSED_DAYS + " days of " + from
                + ": check the weekend and the holidays of the working calendar");
    }
}
