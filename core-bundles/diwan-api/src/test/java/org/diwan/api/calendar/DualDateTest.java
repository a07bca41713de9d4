package org.diwan.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoField;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.junit.jupiter.api.Test;

class DualDateTest {

    private final DualDate day = DualDate.of(LocalDate.of(2026, 11, 25));

    @Test
    void convertsToUmmAlQura() {
        var hijri = day.hijri().orElseThrow();
        assertThat(hijri.get(ChronoField.YEAR)).isEqualTo(1448);
        assertThat(hijri.get(ChronoField.MONTH_OF_YEAR)).isEqualTo(6);
        assertThat(hijri.get(ChronoField.DAY_OF_MONTH)).isEqualTo(15);
    }

    @Test
    void formatsBothCalendarsInArabicWithArabicIndicDigits() {
        assertThat(day.format(Language.AR, DigitStyle.ARABIC_INDIC))
                .isEqualTo("٢٥ نوفمبر ٢٠٢٦ — ١٥ جمادى الآخرة ١٤٤٨ هـ");
    }

    @Test
    void formatsBothCalendarsInEnglishAndFrench() {
        assertThat(day.format(Language.EN, DigitStyle.LATIN)).isEqualTo("25 November 2026 — 15 Jumada II 1448 AH");
        assertThat(day.formatHijri(Language.FR, DigitStyle.LATIN)).contains("15 joumada ath-thania 1448 AH");
        assertThat(day.formatGregorian(Language.FR, DigitStyle.LATIN)).isEqualTo("25 novembre 2026");
    }

    @Test
    void showsOnlyGregorianOutsideTheUmmAlQuraTables() {
        DualDate old = DualDate.of(LocalDate.of(1800, 1, 1));
        assertThat(old.hijri()).isEmpty();
        assertThat(old.format(Language.EN, DigitStyle.LATIN)).isEqualTo("1 January 1800");
    }
}
