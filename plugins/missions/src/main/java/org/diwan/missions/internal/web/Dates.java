package org.diwan.missions.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.diwan.api.calendar.DualDate;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;

/** Dates as the department's pages show them: Gregorian with the Hijri date beside it, in the node's time zone. */
final class Dates {

    private Dates() {
    }

    /** A day in both calendars, Gregorian and Hijri. */
    static String date(LocalDate date, Language language) {
        return DualDate.of(date).format(language, DigitStyle.defaultFor(language));
    }

    /** The Gregorian date alone, for lists where both calendars would make every row two lines high. */
    static String day(LocalDate date, Language language) {
        return DualDate.of(date).formatGregorian(language, DigitStyle.defaultFor(language));
    }

    static String format(Instant instant, Language language) {
        return DualDate.formatMoment(instant, ZoneId.systemDefault(), language);
    }
}
