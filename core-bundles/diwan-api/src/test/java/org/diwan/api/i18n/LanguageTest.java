package org.diwan.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void arabicIsTheDefaultAndRightToLeft() {
        assertThat(Language.DEFAULT).isEqualTo(Language.AR);
        assertThat(Language.AR.direction()).isEqualTo("rtl");
        assertThat(Language.EN.direction()).isEqualTo("ltr");
        assertThat(Language.FR.direction()).isEqualTo("ltr");
    }

    @Test
    void parsesTagsWithRegionCaseAndUnderscore() {
        assertThat(Language.fromTag("ar-EG")).contains(Language.AR);
        assertThat(Language.fromTag("FR_fr")).contains(Language.FR);
        assertThat(Language.fromTag(" en ")).contains(Language.EN);
        assertThat(Language.fromTag("de")).isEmpty();
        assertThat(Language.fromTag("")).isEmpty();
        assertThat(Language.fromTag(null)).isEmpty();
    }

    @Test
    void negotiatesAcceptLanguageByWeight() {
        assertThat(Language.negotiate("de-DE,fr;q=0.4,en;q=0.8")).isEqualTo(Language.EN);
        assertThat(Language.negotiate("fr-CA,fr;q=0.9")).isEqualTo(Language.FR);
        assertThat(Language.negotiate("en;q=0, fr;q=0.1")).isEqualTo(Language.FR);
    }

    @Test
    void fallsBackToArabicOnMissingUnknownOrMalformedHeader() {
        assertThat(Language.negotiate(null)).isEqualTo(Language.AR);
        assertThat(Language.negotiate("de, ja")).isEqualTo(Language.AR);
        assertThat(Language.negotiate(";;;q=x,,")).isEqualTo(Language.AR);
    }

    @Test
    void fallbackChainGoesThroughArabicThenEnglish() {
        assertThat(Language.FR.fallbackChain()).containsExactly(Language.FR, Language.AR, Language.EN);
        assertThat(Language.AR.fallbackChain()).containsExactly(Language.AR, Language.EN);
        assertThat(Language.EN.fallbackChain()).containsExactly(Language.EN, Language.AR);
    }
}
