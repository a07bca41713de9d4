package org.diwan.api.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void givesTheTextInTheRequestedLanguage() {
        LocalizedText text = LocalizedText.of("البعثات", "Missions", "Missions diplomatiques");
        assertThat(text.in(Language.AR)).isEqualTo("البعثات");
        assertThat(text.in(Language.EN)).isEqualTo("Missions");
        assertThat(text.in(Language.FR)).isEqualTo("Missions diplomatiques");
    }

    @Test
    void missingFrenchFallsBackToArabicAndBlankCountsAsMissing() {
        LocalizedText text = LocalizedText.of("المكتبة", "Library", "  ");
        assertThat(text.fr()).isNull();
        assertThat(text.in(Language.FR)).isEqualTo("المكتبة");
        assertThat(LocalizedText.of("المكتبة", null, null).in(Language.EN)).isEqualTo("المكتبة");
    }

    @Test
    void refusesTextWithoutArabic() {
        assertThatThrownBy(() -> LocalizedText.of(" ", "Library", "Bibliothèque"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Arabic");
        assertThatThrownBy(() -> LocalizedText.of(null, "Library", "Bibliothèque"))
                .isInstanceOf(NullPointerException.class);
    }
}
