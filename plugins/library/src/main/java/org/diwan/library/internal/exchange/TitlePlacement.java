package org.diwan.library.internal.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diwan.library.internal.catalogue.OtherTitle;
import org.diwan.library.internal.catalogue.Scripts;

/**
 * Gives each title an imported record carries its language, from what the record says (008/35-37, 041, a 242's
 * $y) checked against the letters it is written in, and puts it where the catalogue keeps that language: the
 * Arabic, English or French title, or a title in another language or script. Nothing becomes Arabic by default: a
 * Latin-letter title of an Arabic book is its romanization ({@code ar-Latn}), a title whose language nothing tells
 * is kept without one.
 */
final class TitlePlacement {

    private final String recordLanguage;
    private final List<String> textLanguages;
    private String ar;
    private String en;
    private String fr;
    private final List<OtherTitle> others = new ArrayList<>();

    /**
     * @param recordLanguage the language of the item (008/35-37, else the first 041 $a), or {@code null}
     * @param textLanguages  every language 041 names, for titles that say nothing of theirs
     */
    TitlePlacement(String recordLanguage, List<String> textLanguages) {
        this.recordLanguage = recordLanguage;
        this.textLanguages = List.copyOf(textLanguages);
    }

    /** The title proper (245), with its original-script form (the linked 880) when the record has one. */
    void main(String text, String original) {
        if (original != null) {
            place(original, language(original, recordLanguage, false));
        }
        if (text != null) {
            place(text, language(text, recordLanguage, false));
        }
    }

    /** A title whose language the record gives (242 $y). */
    void declared(String text, String language) {
        place(text, language(text, language, false));
    }

    /**
     * A variant title (246) and its original-script form. A parallel title (second indicator 1) is in another
     * language than the item's; other variants (cover, spine …) most often in the same.
     */
    void variant(String text, String original, boolean parallel) {
        String hint = parallel ? null : recordLanguage;
        if (original != null) {
            place(original, language(original, hint, parallel));
        }
        if (text != null) {
            place(text, language(text, hint, parallel));
        }
    }

    /** Puts the titles into the form's fields: {@code titleAr}, {@code titleEn}, {@code titleFr}, {@code otherTitles}. */
    void into(Map<String, String> fields) {
        put(fields, "titleAr", ar);
        put(fields, "titleEn", en);
        put(fields, "titleFr", fr);
        if (!others.isEmpty()) {
            fields.put("otherTitles", OtherTitle.format(others));
        }
    }

    /** The language a text is in: the hint when the letters agree, its romanization when they are Latin, else what 041 allows. */
    private String language(String text, String hint, boolean parallel) {
        Character.UnicodeScript script = Scripts.of(text);
        if (hint != null) {
            if (fits(hint, script)) {
                return hint;
            }
            if (script == Character.UnicodeScript.LATIN && MarcLanguages.nativeScript(hint) != null) {
                return hint + "-Latn";
            }
        }
        // a language written in these letters by default first (French for Latin letters), then one written in several scripts
        for (boolean strict : new boolean[] {true, false}) {
            List<String> candidates = textLanguages.stream().filter(l -> strict ? fitsOnly(l, script) : fits(l, script))
                    .filter(l -> !parallel || !l.equals(recordLanguage)).distinct().toList();
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (candidates.size() > 1) {
                return null;
            }
        }
        return null;
    }

    /** Whether the language is written in these letters (Tamazight in Tifinagh, Latin or Arabic letters all fit). */
    private static boolean fits(String language, Character.UnicodeScript script) {
        return fitsOnly(language, script) || MarcLanguages.nativeScript(language) == null && !MarcLanguages.latin(language)
                && script != Character.UnicodeScript.COMMON;
    }

    /** Whether the language is written in these letters and no others by default. */
    private static boolean fitsOnly(String language, Character.UnicodeScript script) {
        Character.UnicodeScript own = MarcLanguages.nativeScript(language);
        if (own != null) {
            return own == script;
        }
        return MarcLanguages.latin(language) && script == Character.UnicodeScript.LATIN;
    }

    private void place(String text, String language) {
        if (text == null || text.isBlank()) {
            return;
        }
        Character.UnicodeScript script = Scripts.of(text);
        if ("ar".equals(language) && script == Character.UnicodeScript.ARABIC && ar == null) {
            ar = text;
        } else if ("en".equals(language) && script == Character.UnicodeScript.LATIN && en == null) {
            en = text;
        } else if ("fr".equals(language) && script == Character.UnicodeScript.LATIN && fr == null) {
            fr = text;
        } else if (others.stream().noneMatch(o -> o.text().equals(text)) && !text.equals(ar) && !text.equals(en) && !text.equals(fr)) {
            others.add(new OtherTitle(text, language));
        }
    }

    private static void put(Map<String, String> fields, String field, String value) {
        if (value != null) {
            fields.put(field, value);
        }
    }
}
