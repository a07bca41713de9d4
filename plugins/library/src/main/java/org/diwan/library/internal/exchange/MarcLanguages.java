package org.diwan.library.internal.exchange;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.diwan.api.i18n.Language;

/**
 * ISO 639-1 codes, as the catalogue keeps languages, to and from MARC's codes (ISO 639-2/B: {@code fre}, {@code gre},
 * {@code per}, where the terminology codes say {@code fra}, {@code ell}, {@code fas}); a language with no two-letter
 * code keeps its three letters ({@code ber}, {@code zgh}).
 */
final class MarcLanguages {

    /** The twenty bibliographic codes that differ from the terminology ones Java knows. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(Map.entry("sq", "alb"), Map.entry("hy", "arm"),
            Map.entry("eu", "baq"), Map.entry("my", "bur"), Map.entry("zh", "chi"), Map.entry("cs", "cze"), Map.entry("nl", "dut"),
            Map.entry("fr", "fre"), Map.entry("ka", "geo"), Map.entry("de", "ger"), Map.entry("el", "gre"), Map.entry("is", "ice"),
            Map.entry("mk", "mac"), Map.entry("mi", "mao"), Map.entry("ms", "may"), Map.entry("fa", "per"), Map.entry("ro", "rum"),
            Map.entry("sk", "slo"), Map.entry("bo", "tib"), Map.entry("cy", "wel"));
    private static final Map<String, String> TO_MARC = codes(false);
    private static final Map<String, String> FROM_MARC = codes(true);

    /** Every language Java knows by a two-letter code, with its MARC code; {@code reverse} from MARC's code. */
    private static Map<String, String> codes(boolean reverse) {
        Map<String, String> codes = new HashMap<>();
        for (String iso : Locale.getISOLanguages()) {
            String terminology = Locale.forLanguageTag(iso).getISO3Language();
            String three = BIBLIOGRAPHIC.getOrDefault(iso, terminology);
            if (three.length() != 3) {
                continue;
            }
            if (reverse) {
                codes.put(three, iso);
                // records written with the terminology code are read too
                codes.putIfAbsent(terminology, iso);
            } else {
                codes.put(iso, three);
            }
        }
        return Map.copyOf(codes);
    }

    /** Languages written in a script other than Latin, by default: a Latin title in one of them is a romanization. */
    private static final Map<String, Character.UnicodeScript> SCRIPTS = Map.ofEntries(Map.entry("ar", Character.UnicodeScript.ARABIC),
            Map.entry("fa", Character.UnicodeScript.ARABIC), Map.entry("ur", Character.UnicodeScript.ARABIC),
            Map.entry("ps", Character.UnicodeScript.ARABIC), Map.entry("ug", Character.UnicodeScript.ARABIC),
            Map.entry("sd", Character.UnicodeScript.ARABIC), Map.entry("ota", Character.UnicodeScript.ARABIC),
            Map.entry("he", Character.UnicodeScript.HEBREW), Map.entry("yi", Character.UnicodeScript.HEBREW),
            Map.entry("lad", Character.UnicodeScript.HEBREW), Map.entry("el", Character.UnicodeScript.GREEK),
            Map.entry("grc", Character.UnicodeScript.GREEK), Map.entry("ru", Character.UnicodeScript.CYRILLIC),
            Map.entry("uk", Character.UnicodeScript.CYRILLIC), Map.entry("bg", Character.UnicodeScript.CYRILLIC),
            Map.entry("mk", Character.UnicodeScript.CYRILLIC), Map.entry("be", Character.UnicodeScript.CYRILLIC),
            Map.entry("hy", Character.UnicodeScript.ARMENIAN), Map.entry("ka", Character.UnicodeScript.GEORGIAN),
            Map.entry("am", Character.UnicodeScript.ETHIOPIC), Map.entry("syc", Character.UnicodeScript.SYRIAC),
            Map.entry("syr", Character.UnicodeScript.SYRIAC), Map.entry("zh", Character.UnicodeScript.HAN),
            Map.entry("ja", Character.UnicodeScript.HAN), Map.entry("hi", Character.UnicodeScript.DEVANAGARI));
    /** Languages as often written in Latin letters as in their own: never read as a romanization. */
    private static final Set<String> SEVERAL_SCRIPTS = Set.of("ber", "zgh", "tzm", "kab", "shi", "rif", "sr", "ku", "az", "uz", "tk");

    private MarcLanguages() {
    }

    static String toMarc(String iso) {
        if (iso == null) {
            return null;
        }
        String code = iso.split("-")[0];
        return code.length() == 3 ? code : TO_MARC.get(code);
    }

    /** The catalogue's code for a MARC code; {@code null} for none, undetermined, no linguistic content or a fill. */
    static String fromMarc(String marc) {
        if (marc == null || marc.isBlank()) {
            return null;
        }
        String code = marc.strip().toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z]{3}") || code.equals("und") || code.equals("zxx") || code.equals("mul") || code.equals("mis")) {
            return null;
        }
        return FROM_MARC.getOrDefault(code, code);
    }

    /** The script a language is written in when nothing says otherwise; {@code null} for Latin or when it varies. */
    static Character.UnicodeScript nativeScript(String iso) {
        if (iso == null || SEVERAL_SCRIPTS.contains(iso)) {
            return null;
        }
        return SCRIPTS.get(iso);
    }

    /** Whether the language is written in Latin letters by default (French, English, Turkish …). */
    static boolean latin(String iso) {
        return iso != null && !SEVERAL_SCRIPTS.contains(iso) && !SCRIPTS.containsKey(iso);
    }

    /** The interface language a holding's language is, Arabic for any other. */
    static Language language(String iso) {
        return switch (iso == null ? "" : iso) {
            case "en" -> Language.EN;
            case "fr" -> Language.FR;
            default -> Language.AR;
        };
    }
}
