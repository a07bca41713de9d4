package org.diwan.api.i18n;

import java.text.Normalizer;
import java.util.BitSet;

/**
 * Folds text to the form Diwan compares when searching, so that the ways people spell the same Arabic word
 * meet: hamza and madda forms of alef (أ إ آ ٱ) become ا, taa marbuta ة becomes ه, alef maqsura ى becomes ي,
 * hamza on waw and yaa (ؤ ئ) become و and ي, tatweel and diacritics (tashkeel, Quranic marks) go, Arabic-Indic
 * digits become ASCII digits, and Latin letters lose case and accents. Stored text is never changed; only
 * the search keys are folded.
 *
 * <p>Every other Arabic-script letter a reader may type folds to the Arabic letter it is written for, so that a
 * word typed on a Persian, Urdu or Maghrebi keyboard finds the Arabic spelling: a letter named in Unicode as an
 * Arabic letter "with" marks folds to that letter (ARABIC LETTER BEH WITH SMALL V BELOW → ب; the Farsi yeh ی →
 * ي), presentation forms fold by compatibility decomposition, and the letters whose names carry no Arabic base
 * fold as {@link #VARIANTS} says (keheh ک and gaf گ → ك, peh پ → ب, tcheh چ → ج, jeh ژ → ز, veh ڤ → ف, …).
 * The whole inventory is derived at class loading from the Arabic blocks, not listed.
 */
public final class ArabicText {

    /**
     * The version of the folding: stored search keys made with an older one are made again (a plugin compares it with
     * the version it made its keys with), and search indexes are rebuilt.
     *
     * @since 1.2
     */
    public static final int FOLD_VERSION = 2;

    /**
     * Letters whose Unicode names name no Arabic letter they are a form of, with the Arabic letter each is written
     * for: the sounds Arabic spells with that letter in borrowed words and names (ڤيينا and فيينا, گ as ك).
     */
    static final String VARIANTS = ""
            + "\u06A9\u0643" + "\u06AA\u0643" + "\u06AB\u0643" + "\u06AF\u0643" + "\u06AD\u0643" + "\u06B0\u0643" + "\u06B1\u0643"
            + "\u06B2\u0643" + "\u06B3\u0643" + "\u06B4\u0643" + "\u063B\u0643" + "\u063C\u0643" + "\u0762\u0643" + "\u0763\u0643"
            + "\u0764\u0643" + "\u08B0\u0643" + "\u08C2\u0643" // keheh, swash kaf, gaf, ng, ngoeh, gueh → ك
            + "\u067E\u0628" + "\u067B\u0628" + "\u0680\u0628" + "\u08B7\u0628" + "\u08BE\u0628" // peh, beeh, beheh → ب
            + "\u0679\u062A" + "\u067A\u062A" + "\u067F\u062A" + "\u08C0\u062A" // tteh, ttehehe, teheh → ت
            + "\u0686\u062C" + "\u0687\u062C" + "\u0683\u062C" + "\u0684\u062C" + "\u06BF\u062C" + "\u08C1\u062C" // tcheh, nyeh, dyeh → ج
            + "\u0698\u0632" // jeh → ز
            + "\u0688\u062F" + "\u068C\u062F" + "\u068D\u062F" + "\u068E\u062F" // ddal, dahal, ddahal, dul → د
            + "\u0691\u0631" // rreh → ر
            + "\u06A4\u0641" + "\u06A6\u0641" // veh, peheh → ف
            + "\u06BA\u0646" + "\u06BB\u0646" // noon ghunna, rnoon → ن
            + "\u06D5\u0647" + "\u06BE\u0647" + "\u06C1\u0647" + "\u06C3\u0647" // ae, heh doachashmee, heh goal, teh marbuta goal → ه
            + "\u06CC\u064A" + "\u06D0\u064A" + "\u06D2\u064A" + "\u0620\u064A" // farsi yeh, e, yeh barree, kashmiri yeh → ي
            + "\u06C5\u0648" + "\u06C6\u0648" + "\u06C7\u0648" + "\u06C8\u0648" + "\u06C9\u0648" + "\u06CB\u0648" + "\u08B1\u0648" // oe, u, yu, ve → و
            + "\u08AC\u064A" // rohingya yeh → ي
            + "\u0671\u0627" + "\u08AD\u0627"; // alef wasla, low alef → ا

    /** Each Arabic-script letter other than the Arabic alphabet's own, to the Arabic letter it folds to. */
    private static final java.util.Map<Integer, Integer> LETTERS = letters();

    private ArabicText() {
    }

    private static java.util.Map<Integer, Integer> letters() {
        java.util.Map<Integer, Integer> letters = new java.util.HashMap<>();
        int[][] blocks = {{0x0620, 0x06FF}, {0x0750, 0x077F}, {0x0870, 0x089F}, {0x08A0, 0x08FF}};
        for (int[] block : blocks) {
            for (int c = block[0]; c <= block[1]; c++) {
                String name = Character.getName(c);
                if (name == null || !name.startsWith("ARABIC LETTER ") || (c >= 0x0621 && c <= 0x064A)) {
                    continue;
                }
                int letter = c;
                base(name.substring("ARABIC LETTER ".length())).filter(base -> base != letter).ifPresent(base -> letters.put(letter, base));
            }
        }
        for (int i = 0; i < VARIANTS.length(); i += 2) {
            letters.put((int) VARIANTS.charAt(i), (int) VARIANTS.charAt(i + 1));
        }
        return java.util.Map.copyOf(letters);
    }

    /**
     * The letter a letter's name is a form of: "BEH WITH SMALL V BELOW" → BEH, "FARSI YEH" → YEH, "YEH BARREE WITH …"
     * → YEH BARREE (which folds on as {@link #VARIANTS} says).
     */
    private static java.util.Optional<Integer> base(String name) {
        String base = name.replaceAll(" WITH .*", "").replaceFirst("^(FARSI|DOTLESS|HIGH HAMZA|AFRICAN|KIRGHIZ) ", "");
        try {
            int letter = Character.codePointOf("ARABIC LETTER " + base);
            return letter >= 0x0620 && letter <= 0x08FF ? java.util.Optional.of(letter) : java.util.Optional.empty();
        } catch (IllegalArgumentException none) {
            return java.util.Optional.empty();
        }
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
                || c == '\u0674' // high hamza, as the hamza of other letters goes
                || (c >= '\u06D6' && c <= '\u06ED') // Quranic annotation marks
                || Character.getType(c) == Character.NON_SPACING_MARK // Latin accents after NFKD
                || Character.getType(c) == Character.FORMAT; // LRM, RLM, ALM, zero-width joiners
    }

    private static int fold(int c) {
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0672', '\u0673' -> '\u0627'; // آ أ إ → ا
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
                Integer letter = c >= 0x0620 && c <= 0x08FF ? LETTERS.get(c) : null;
                yield letter == null ? c : fold(letter);
            }
        };
    }
}
