package org.diwan.node.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.diwan.api.calendar.HolidayRule;
import org.diwan.api.calendar.WorkingCalendar;
import org.diwan.api.validation.LogText;

/**
 * Reads the values of {@code org.diwan.calendar} into a {@link WorkingCalendar}. Every bad value becomes a problem
 * to log and is skipped or replaced by its default: a typo in one holiday must not leave the node without a
 * calendar, and so without deadlines.
 */
final class CalendarSettings {

    /** The calendar read, and what was wrong with the values, one line each, outside text escaped. */
    record Read(WorkingCalendar calendar, List<String> problems) {
    }

    private CalendarSettings() {
    }

    static Read read(String[] weekend, String opens, String closes, String zone, String[] holidays, ZoneId systemZone) {
        List<String> problems = new ArrayList<>();
        Set<DayOfWeek> weekendDays = weekend(weekend, problems);
        LocalTime opening = time("opens", opens, WorkingCalendar.DEFAULT_OPENS, problems);
        LocalTime closing = time("closes", closes, WorkingCalendar.DEFAULT_CLOSES, problems);
        if (!opening.isBefore(closing)) {
            problems.add("working hours " + opening + "-" + closing + " do not close after they open; using "
                    + WorkingCalendar.DEFAULT_OPENS + "-" + WorkingCalendar.DEFAULT_CLOSES);
            opening = WorkingCalendar.DEFAULT_OPENS;
            closing = WorkingCalendar.DEFAULT_CLOSES;
        }
        ZoneId zoneId = zone(zone, systemZone, problems);
        List<HolidayRule> rules = new ArrayList<>();
        for (String entry : entries(holidays)) {
            try {
                rules.add(HolidayRule.parse(entry));
            } catch (IllegalArgumentException malformed) {
                problems.add("skipped " + malformed.getMessage());
            }
        }
        return new Read(new WorkingCalendar(weekendDays, opening, closing, zoneId, rules), List.copyOf(problems));
    }

    private static Set<DayOfWeek> weekend(String[] values, List<String> problems) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String entry : entries(values)) {
            try {
                days.add(DayOfWeek.valueOf(entry.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notADay) {
                problems.add("skipped weekend day '" + LogText.escaped(entry) + "': not MONDAY, TUESDAY, ... SUNDAY");
            }
        }
        if (days.size() == DayOfWeek.values().length) {
            problems.add("a weekend of all seven days leaves no working day; using " + WorkingCalendar.DEFAULT_WEEKEND);
            return WorkingCalendar.DEFAULT_WEEKEND;
        }
        return days;
    }

    private static LocalTime time(String key, String value, LocalTime fallback, List<String> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException notATime) {
            problems.add(key + " '" + LogText.escaped(value) + "' is not a time HH:mm; using " + fallback);
            return fallback;
        }
    }

    private static ZoneId zone(String value, ZoneId systemZone, List<String> problems) {
        if (value == null || value.isBlank()) {
            return systemZone;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException unknown) {
            problems.add("zone '" + LogText.escaped(value) + "' is not a time zone (e.g. Asia/Riyadh); using the system's, " + systemZone);
            return systemZone;
        }
    }

    /**
     * A cfg file gives a list as one comma-separated string, typed configuration as an array: accept both.
     */
    private static List<String> entries(String[] values) {
        List<String> entries = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String entry : value.split(",")) {
                        if (!entry.isBlank()) {
                            entries.add(entry.strip());
                        }
                    }
                }
            }
        }
        return entries;
    }
}
