package org.diwan.api.i18n;

import java.text.Normalizer;
import java.util.BitSet;

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
        // Plain Arabic and ASCII need no decomposing (a third of the time on a letter's text): the hamza forms it
        // would split are folded below to what decomposing and dropping the hamza give. One pass after that.
        String decomposed = isPlain(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length();) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else if (!isDropped(c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(Character.toLowerCase(fold(c)));
            }
        }
        return out.toString();
    }

    /** Characters up to the end of the Arabic block that decomposition leaves alone, or that {@link #fold(int)} folds the same. */
    private static final BitSet PLAIN = plainCharacters();

    private static BitSet plainCharacters() {
        BitSet plain = new BitSet(0x0700);
        plain.set(0, 0x80);
        for (char c = '\u0600'; c <= '\u06FF'; c++) {
            if (Normalizer.isNormalized(String.valueOf(c), Normalizer.Form.NFKD) || "\u0622\u0623\u0624\u0625\u0626".indexOf(c) >= 0) {
                plain.set(c);
            }
        }
        return plain;
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!PLAIN.get(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDropped(int c) {
        return c == '\u0640' // tatweel
                || (c >= '\u064B' && c <= '\u065F') // tashkeel, including the combining hamza and madda of NFKD
                || c == '\u0670' // superscript alef
                || (c >= '\u06D6' && c <= '\u06ED') // Quranic annotation marks
                || Character.getType(c) == Character.NON_SPACING_MARK // Latin accents after NFKD
                || Character.getType(c) == Character.FORMAT; // LRM, RLM, ALM, zero-width joiners
    }

    private static int fold(int c) {
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671', '\u0672', '\u0673' -> '\u0627'; // آ أ إ ٱ → ا
            case '\u0629' -> '\u0647'; // ة → ه
            case '\u0649' -> '\u064A'; // ى → ي
            case '\u0624' -> '\u0648'; // ؤ → و
            case '\u0626' -> '\u064A'; // ئ → ي
            case '\u03C2' -> '\u03C3'; // Greek final sigma ς → σ, as lower-casing Σ gives σ
            default -> {
                if (c >= '\u0660' && c <= '\u0669') {
                    yield '0' + (c - '\u0660');
                }
                if (c >= '\u06F0' && c <= '\u06F9') {
                    yield '0' + (c - '\u06F0');
                }
                yield c;
            }
        };
    }
}
