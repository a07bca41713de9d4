package org.diwan.api.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diwan.api.validation.LogText;

/** The text form of {@link HolidayRule}: {@code gregorian:YYYY-MM-DD}, {@code gregorian:*-MM-DD}, {@code hijri:MM-DD}. */
final class HolidayRuleParser {

    static final String GREGORIAN = "gregorian:";
    static final String HIJRI = "hijri:";
    static final int MAX_LENGTH = 200;
    static final String SYNTAX = "expected gregorian:YYYY-MM-DD, gregorian:*-MM-DD or hijri:MM-DD,"
            + " optionally followed by +days (1-" + HolidayRule.MAX_DAYS + ") and a name, e.g. 'hijri:10-01+3 Eid al-Fitr'";

    // [0-9], never \d or \p{Nd}: digits are ASCII only, so an entry reads the same in every editor and locale.
    private static final Pattern ENTRY = Pattern.compile(
            "(?<kind>[A-Za-z]+):(?<date>\\S+?)(?:\\+(?<days>[0-9]{1,3}))?(?:\\s+(?<name>.*))?");
    private static final Pattern FIXED = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern YEARLY = Pattern.compile("\\*-([0-9]{2})-([0-9]{2})");
    private static final Pattern MONTH_DAY = Pattern.compile("([0-9]{2})-([0-9]{2})");

    private HolidayRuleParser() {
    }

    static HolidayRule parse(String entry) {
        if (entry == null) {
            throw new IllegalArgumentException("holiday rule missing: " + SYNTAX);
        }
        String text = entry.strip();
        if (text.isEmpty()) {
            throw refused(entry, "empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw refused(entry, "longer than " + MAX_LENGTH + " characters");
        }
        if (text.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
            throw refused(entry, "write the numbers with ASCII digits 0-9 (Arabic-Indic and other digits are not accepted)");
        }
        Matcher matcher = ENTRY.matcher(text);
        if (!matcher.matches()) {
            throw refused(entry, SYNTAX);
        }
        String kind = matcher.group("kind").toLowerCase(Locale.ROOT) + ":";
        String date = matcher.group("date");
        int days = matcher.group("days") == null ? 1 : Integer.parseInt(matcher.group("days"));
        String name = matcher.group("name") == null ? "" : matcher.group("name");
        if (name.startsWith("+")) {
            throw refused(entry, "write +days right after the date, without a space");
        }
        try {
            if (kind.equals(GREGORIAN)) {
                return gregorian(date, days, name);
            }
            if (kind.equals(HIJRI)) {
                return hijri(date, days, name);
            }
        } catch (DateTimeException | IllegalArgumentException invalid) {
            throw refused(entry, invalid.getMessage());
        }
        throw refused(entry, "unknown calendar '" + matcher.group("kind") + "': " + SYNTAX);
    }

    private static HolidayRule gregorian(String date, int days, String name) {
        Matcher fixed = FIXED.matcher(date);
        if (fixed.matches()) {
            return new HolidayRule.OnDate(LocalDate.of(number(fixed, 1), number(fixed, 2), number(fixed, 3)), days, name);
        }
        Matcher yearly = YEARLY.matcher(date);
        if (yearly.matches()) {
            return new HolidayRule.YearlyGregorian(MonthDay.of(number(yearly, 1), number(yearly, 2)), days, name);
        }
        throw new IllegalArgumentException("a Gregorian holiday is YYYY-MM-DD or *-MM-DD");
    }

    private static HolidayRule hijri(String date, int days, String name) {
        Matcher monthDay = MONTH_DAY.matcher(date);
        if (!monthDay.matches()) {
            throw new IllegalArgumentException("a Hijri holiday is MM-DD, the same every Hijri year (10-01 is 1 Shawwal)");
        }
        return new HolidayRule.YearlyHijri(number(monthDay, 1), number(monthDay, 2), days, name);
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    static String suffix(int days, String name) {
        return (days == 1 ? "" : "+" + days) + (name.isEmpty() ? "" : " " + name);
    }

    private static IllegalArgumentException refused(String entry, String why) {
        String quoted = entry.length() > MAX_LENGTH ? entry.substring(0, 60) + "\u2026" : entry;
        return new IllegalArgumentException("holiday rule '" + LogText.escaped(quoted) + "': " + why);
    }
}
