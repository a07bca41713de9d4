package org.diwan.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.api.i18n.ArabicText;
import org.junit.jupiter.api.Test;

class FoldFilterTest {

    /** The shortcut for tokens already folded must never keep a token that folding would change. */
    @Test
    void tokensTakenAsAlreadyFoldedFoldToThemselves() {
        StringBuilder checked = new StringBuilder();
        for (char first = 0; first < 0x0800; first++) {
            for (char second : new char[] {'a', 'ب', '\u0651', 'É', 'ا'}) {
                char[] token = {first, second};
                if (FoldFilter.alreadyFolded(token, 2)) {
                    String text = new String(token);
                    assertThat(ArabicText.fold(text)).as("U+%04X U+%04X", (int) first, (int) second).isEqualTo(text);
                    checked.append(first);
                }
            }
        }
        // the shortcut is taken for plain Latin and Arabic letters, the most common tokens
        assertThat(checked.toString()).contains("a", "ب", "z", "9", "ي");
    }

    @Test
    void tokensFoldingWouldChangeAreNotTakenAsFolded() {
        for (String changed : new String[] {"أحمد", "مكتبة", "Résolution", "UNESCO", "كَتَبَ", "٢٠٢٦", "ک"}) {
            assertThat(FoldFilter.alreadyFolded(changed.toCharArray(), changed.length())).as(changed).isFalse();
        }
    }
}
