package org.diwan.library.internal.catalogue;

import java.util.EnumMap;
import java.util.Map;

/**
 * The writing system a text is in, by its letters: what decides whether a title is Arabic, a romanization or
 * Hebrew, whatever the record around it says.
 */
public final class Scripts {

    private Scripts() {
    }

    /** The script most of the letters are in; {@code COMMON} when there are none (digits, punctuation). */
    public static Character.UnicodeScript of(String text) {
        if (text == null) {
            return Character.UnicodeScript.COMMON;
        }
        Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(c -> counts.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Character.UnicodeScript.COMMON);
    }

    public static boolean rightToLeft(Character.UnicodeScript script) {
        return switch (script) {
            case ARABIC, HEBREW, SYRIAC, THAANA, NKO, SAMARITAN, MANDAIC -> true;
            default -> false;
        };
    }

    /** The ISO 15924 code BCP 47 tags use for a script ({@code Latn}, {@code Arab}, {@code Tfng}). */
    public static String code(Character.UnicodeScript script) {
        return switch (script) {
            case LATIN -> "Latn";
            case ARABIC -> "Arab";
            case HEBREW -> "Hebr";
            case GREEK -> "Grek";
            case CYRILLIC -> "Cyrl";
            case TIFINAGH -> "Tfng";
            case SYRIAC -> "Syrc";
            case ARMENIAN -> "Armn";
            case GEORGIAN -> "Geor";
            case ETHIOPIC -> "Ethi";
            case DEVANAGARI -> "Deva";
            case HAN -> "Hani";
            default -> null;
        };
    }
}
