package org.diwan.api.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a working calendar's holidays: a one-off Gregorian date, a Gregorian day every year, or a Hijri day
 * every year (Umm al-Qura, as {@link HijrahChronology} computes it), each lasting {@code days} days (1 to
 * {@value #MAX_DAYS}). Islamic holidays are entered in Hijri because their Gregorian date moves about eleven days
 * each year.
 *
 * <p>A rule never throws for a date: a Hijri rule yields nothing outside the Umm al-Qura tables (1300–1600 AH,
 * 1882–2174 CE), a day the month lacks in a given year (29 February, 30 of a 29-day Hijri month) yields nothing in
 * that year.
 *
 * <p>Text form, for cfg files ({@link #parse}, {@link #format}), an optional name after a space:
 * <pre>
 * gregorian:2026-12-18            one day, once
 * gregorian:*-12-18 National Day  every 18 December
 * hijri:10-01+3 Eid al-Fitr       1 Shawwal and the two days after it, every Hijri year
 * </pre>
 */
public sealed interface HolidayRule permits HolidayRule.OnDate, HolidayRule.YearlyGregorian, HolidayRule.YearlyHijri {

    /** The longest holiday a rule may describe, in days. */
    int MAX_DAYS = 30;

    /** How many days the holiday lasts, counting the first. */
    int days();

    /** The name given in the cfg entry, or an empty string. */
    String name();

    /** Whether this rule makes {@code date} a holiday. */
    boolean covers(LocalDate date);

    /** The rule in its text form; {@code parse(rule.format())} gives the same rule back. */
    String format();

    /** Parses one entry of the text form; the exception's message quotes the entry and says what is wrong. */
    static HolidayRule parse(String entry) {
        return HolidayRuleParser.parse(entry);
    }

    /** A one-off holiday starting on {@code date}. */
    record OnDate(LocalDate date, int days, String name) implements HolidayRule {

        public OnDate {
            Objects.requireNonNull(date, "date");
            name = checkedName(name);
            checkDays(days);
        }

        @Override
        public boolean covers(LocalDate day) {
            return withinOccurrence(day, date, days);
        }

        @Override
        public String format() {
            return HolidayRuleParser.GREGORIAN + date + HolidayRuleParser.suffix(days, name);
        }
    }

    /** A holiday starting on the same Gregorian day each year. */
    record YearlyGregorian(MonthDay day, int days, String name) implements HolidayRule {

        public YearlyGregorian {
            Objects.requireNonNull(day, "day");
            name = checkedName(name);
            checkDays(days);
        }

        @Override
        public boolean covers(LocalDate date) {
            // An occurrence that started late in the previous year may still run.
            for (int year = Math.max(date.getYear() - 1, Year.MIN_VALUE); year <= date.getYear(); year++) {
                if (day.isValidYear(year) && withinOccurrence(date, day.atYear(year), days)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String format() {
            return String.format(Locale.ROOT, "%s*-%02d-%02d%s", HolidayRuleParser.GREGORIAN, day.getMonthValue(), day.getDayOfMonth(),
                    HolidayRuleParser.suffix(days, name));
        }
    }

    /** A holiday starting on the same Hijri (Umm al-Qura) day each Hijri year: month 1 (Muharram) to 12. */
    record YearlyHijri(int month, int dayOfMonth, int days, String name) implements HolidayRule {

        public YearlyHijri {
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("Hijri month must be 1-12, not " + month);
            }
            if (dayOfMonth < 1 || dayOfMonth > 30) {
                throw new IllegalArgumentException("Hijri day must be 1-30, not " + dayOfMonth);
            }
            name = checkedName(name);
            checkDays(days);
        }

        @Override
        public boolean covers(LocalDate date) {
            Optional<HijrahDate> hijri = hijriOf(date);
            if (hijri.isEmpty()) {
                return false;
            }
            int year = hijri.get().get(ChronoField.YEAR);
            for (int candidate = year - 1; candidate <= year; candidate++) {
                Optional<LocalDate> start = startIn(candidate);
                if (start.isPresent() && withinOccurrence(date, start.get(), days)) {
                    return true;
                }
            }
            return false;
        }

        /** The Gregorian day this holiday starts in Hijri year {@code hijriYear}, if that year has it. */
        public Optional<LocalDate> startIn(int hijriYear) {
            try {
                return Optional.of(LocalDate.from(HijrahChronology.INSTANCE.date(hijriYear, month, dayOfMonth)));
            } catch (DateTimeException outsideTablesOrNoSuchDay) {
                return Optional.empty();
            }
        }

        @Override
        public String format() {
            return String.format(Locale.ROOT, "%s%02d-%02d%s", HolidayRuleParser.HIJRI, month, dayOfMonth,
                    HolidayRuleParser.suffix(days, name));
        }

        private static Optional<HijrahDate> hijriOf(LocalDate date) {
            try {
                return Optional.of(HijrahChronology.INSTANCE.date(date));
            } catch (DateTimeException outsideTables) {
                return Optional.empty();
            }
        }
    }

    private static boolean withinOccurrence(LocalDate date, LocalDate start, int days) {
        // Counting days, not adding them, so no date near the ends of LocalDate's range can throw.
        long offset = ChronoUnit.DAYS.between(start, date);
        return offset >= 0 && offset < days;
    }

    private static void checkDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a holiday lasts 1-" + MAX_DAYS + " days, not " + days);
        }
    }

    private static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || c == ',')) {
            throw new IllegalArgumentException("a holiday name may not hold a comma or control characters");
        }
        return stripped;
    }
}
