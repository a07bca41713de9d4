package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.api.i18n.Language;
import org.junit.jupiter.api.Test;

class LanguageResolverTest {

    @Test
    void aPageFollowsTheSessionThenTheCookieThenArabicNeverTheBrowser() {
        assertThat(LanguageResolver.resolve("fr", "en")).isEqualTo(Language.FR);
        assertThat(LanguageResolver.resolve(null, "en")).isEqualTo(Language.EN);
        assertThat(LanguageResolver.resolve(null, null)).isEqualTo(Language.AR);
        assertThat(LanguageResolver.resolve("xx", "yy")).isEqualTo(Language.AR);
    }

    @Test
    void aSessionlessApiCallFollowsItsAcceptLanguageWhenItNamesOneOfTheThree() {
        assertThat(LanguageResolver.resolve(null, null, "en-GB,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(LanguageResolver.resolve(null, null, "de-DE, fr;q=0.8, en;q=0.5")).isEqualTo(Language.FR);
        assertThat(LanguageResolver.resolve(null, null, "en;q=0.2, ar-EG;q=0.9")).isEqualTo(Language.AR);
        assertThat(LanguageResolver.resolve(null, "fr", "de, ja")).as("none of the three: the cookie").isEqualTo(Language.FR);
        assertThat(LanguageResolver.resolve(null, null, "en;q=0, *")).as("refused and any: Arabic").isEqualTo(Language.AR);
        assertThat(LanguageResolver.resolve("fr", null, "en")).as("a session's choice first").isEqualTo(Language.FR);
    }

    @Test
    void aMalformedOrHugeHeaderAsksForNothing() {
        assertThat(LanguageResolver.asked("en;q=abc")).isEmpty();
        assertThat(LanguageResolver.asked(";;;,,,=")).isEmpty();
        assertThat(LanguageResolver.asked("en," + "x".repeat(300))).isEmpty();
        assertThat(LanguageResolver.asked("")).isEmpty();
        assertThat(LanguageResolver.asked("\u0627\u0644\u0639\u0631\u0628\u064a\u0629")).isEmpty();
    }
}
