package org.diwan.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitStyleTest {

    @Test
    void writesDigitsInArabicIndicAndBack() {
        assertThat(DigitStyle.ARABIC_INDIC.apply("رقم 2026/11")).isEqualTo("رقم ٢٠٢٦/١١");
        assertThat(DigitStyle.toLatin("٢٠٢٦/١١")).isEqualTo("2026/11");
    }

    @Test
    void readsPersianDigitsAsWell() {
        assertThat(DigitStyle.toLatin("۱۴۴۸")).isEqualTo("1448");
    }

    @Test
    void defaultsToArabicIndicOnlyInTheArabicInterface() {
        assertThat(DigitStyle.defaultFor(Language.AR)).isEqualTo(DigitStyle.ARABIC_INDIC);
        assertThat(DigitStyle.defaultFor(Language.EN)).isEqualTo(DigitStyle.LATIN);
        assertThat(DigitStyle.defaultFor(Language.FR)).isEqualTo(DigitStyle.LATIN);
    }

    @Test
    void leavesEverythingElseAlone() {
        assertThat(DigitStyle.ARABIC_INDIC.apply("abc \u200F مرحبا")).isEqualTo("abc \u200F مرحبا");
    }
}
