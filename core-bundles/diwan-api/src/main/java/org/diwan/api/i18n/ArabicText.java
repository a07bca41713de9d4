package org.diwan.api.i18n;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds text to the form Diwan compares when searching, so that the ways people spell the same Arabic word
 * meet: hamza and madda forms of alef (أ إ آ ٱ) become ا, taa marbuta ة becomes ه, alef maqsura ى becomes ي,
 * hamza on waw and yaa (ؤ ئ) become و and ي, tatweel and diacritics (tashkeel, Quranic marks) go, Arabic-Indic
 * digits become ASCII digits, and Latin letters lose case and accents. Stored text is never changed; only
 * the search keys are folded.
 */
public final class ArabicText {

    private ArabicText() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isDropped(c)) {
                continue;
            }
            out.append(fold(c));
        }
        return out.toString().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static boolean isDropped(char c) {
        return c == '\u0640' // tatweel
                || (c >= '\u064B' && c <= '\u065F') // tashkeel, including the combining hamza and madda of NFKD
                || c == '\u0670' // superscript alef
                || (c >= '\u06D6' && c <= '\u06ED') // Quranic annotation marks
                || Character.getType(c) == Character.NON_SPACING_MARK // Latin accents after NFKD
                || Character.getType(c) == Character.FORMAT; // LRM, RLM, ALM, zero-width joiners
    }

    private static char fold(char c) {
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671', '\u0672', '\u0673' -> '\u0627'; // آ أ إ ٱ → ا
            case '\u0629' -> '\u0647'; // ة → ه
            case '\u0649' -> '\u064A'; // ى → ي
            case '\u0624' -> '\u0648'; // ؤ → و
            case '\u0626' -> '\u064A'; // ئ → ي
            default -> {
                if (c >= '\u0660' && c <= '\u0669') {
                    yield (char) ('0' + (c - '\u0660'));
                }
                if (c >= '\u06F0' && c <= '\u06F9') {
                    yield (char) ('0' + (c - '\u06F0'));
                }
                yield c;
            }
        };
    }
}
