package org.diwan.api.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;

/**
 * A calendar day shown in both calendars the organisation uses: Gregorian and Hijri (Umm al-Qura, as
 * {@link HijrahChronology} computes it). Umm al-Qura tables cover 1300–1600 AH (1882–2174 CE); outside
 * them only the Gregorian date is shown.
 */
public record DualDate(LocalDate gregorian) {

    private static final String SEPARATOR = " \u2014 ";

    public DualDate {
        Objects.requireNonNull(gregorian, "gregorian");
    }

    public static DualDate of(LocalDate date) {
        return new DualDate(date);
    }

    /** The Hijri date of the same day, or empty outside the Umm al-Qura tables. */
    public Optional<HijrahDate> hijri() {
        try {
            return Optional.of(HijrahChronology.INSTANCE.date(gregorian));
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
    }

    /** {@code ٢٥ نوفمبر ٢٠٢٦} / {@code 25 November 2026}. */
    public String formatGregorian(Language language, DigitStyle digits) {
        return digits.apply(DateTimeFormatter.ofPattern("d MMMM y", language.locale()).format(gregorian));
    }

    /** {@code ١٥ جمادى الآخرة ١٤٤٨ هـ} / {@code 15 Jumada II 1448 AH}, or empty outside the Umm al-Qura tables. */
    public Optional<String> formatHijri(Language language, DigitStyle digits) {
        return hijri().map(date -> digits.apply(
                DateTimeFormatter.ofPattern("d MMMM y G", language.locale()).format(date)));
    }

    /** Both dates, Gregorian first, as Diwan's pages and documents show them. */
    public String format(Language language, DigitStyle digits) {
        String gregorianText = formatGregorian(language, digits);
        return formatHijri(language, digits).map(hijriText -> gregorianText + SEPARATOR + hijriText).orElse(gregorianText);
    }

    /**
     * A moment as pages show it: the day in both calendars and the time of day in the zone, with the language's
     * digits (the time is written in ASCII first: a default locale of Arabic must not choose the digits).
     */
    public static String formatMoment(java.time.Instant instant, java.time.ZoneId zone, Language language) {
        java.time.ZonedDateTime local = instant.atZone(zone);
        DigitStyle digits = DigitStyle.defaultFor(language);
        return of(local.toLocalDate()).format(language, digits) + " "
                + digits.apply(String.format(java.util.Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute()));
    }
}
