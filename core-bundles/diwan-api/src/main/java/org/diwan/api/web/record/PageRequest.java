package org.diwan.api.web.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.diwan.api.calendar.DualDate;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;

/**
 * What the shell resolved once about a request to a department's pages: the path below the pages' base, the
 * parameters (first value of each, as typed), the visitor's language, who they are and what they may do. A plugin
 * never asks the web layer again for any of it.
 *
 * @param path        the segments after the base: {@code /abc/edit} gives {@code [abc, edit]}
 * @param params      query and form parameters, first value of each
 * @param actor       the login name, for the audit trail and "changed by"
 * @param address     the client's address, for the audit trail
 * @param permissions whether the visitor holds a permission
 */
public record PageRequest(List<String> path, Map<String, String> params, Language language, String actor, String address,
        Predicate<String> permissions) {

    public PageRequest {
        path = List.copyOf(path);
        params = Map.copyOf(params);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(permissions, "permissions");
    }

    public boolean permitted(String permission) {
        return permissions.test(permission);
    }

    /** A parameter as typed, or the empty text. */
    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** A day in both calendars (Gregorian and Hijri), with the language's digits. */
    public String date(LocalDate date) {
        return DualDate.of(date).format(language, DigitStyle.defaultFor(language));
    }

    /** The Gregorian day alone, for lists where both calendars would make every row two lines high. */
    public String day(LocalDate date) {
        return DualDate.of(date).formatGregorian(language, DigitStyle.defaultFor(language));
    }

    /** A moment in the node's time zone: the day in both calendars and the time, with the language's digits. */
    public String dateTime(Instant instant) {
        return DualDate.formatMoment(instant, ZoneId.systemDefault(), language);
    }

    /** A number as the language writes it (Arabic-Indic digits in Arabic). */
    public String number(long value) {
        return DigitStyle.defaultFor(language).apply(Long.toString(value));
    }
}
