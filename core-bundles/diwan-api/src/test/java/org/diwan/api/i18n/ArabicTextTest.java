package org.diwan.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArabicTextTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "أحمد, احمد",
            "إسلام, اسلام",
            "آمال, امال",
            "مكتبة, مكتبه",
            "مستشفى, مستشفي",
            "العربيـــة, العربية",
            "كَتَبَ, كتب",
            "مسؤول, مسوول",
            "رئيس, رييس",
            "٢٠٢٦, 2026",
            "Économie, economie",
            "'باريس\u200F', باريس"
    })
    void spellingVariantsFoldToTheSameKey(String written, String searched) {
        assertThat(ArabicText.fold(written)).isEqualTo(ArabicText.fold(searched));
    }

    @org.junit.jupiter.api.Test
    void foldsWhitespaceAndNull() {
        assertThat(ArabicText.fold("  بعثة   باريس ")).isEqualTo("بعثه باريس");
        assertThat(ArabicText.fold(null)).isEmpty();
    }
}
