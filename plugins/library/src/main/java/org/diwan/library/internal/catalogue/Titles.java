package org.diwan.library.internal.catalogue;

import org.diwan.api.i18n.Language;

/** A title in the languages it has: a French book may have no Arabic title. At least one is present. */
public record Titles(String ar, String en, String fr) {

    public Titles {
        ar = blankToNull(ar);
        en = blankToNull(en);
        fr = blankToNull(fr);
        if (ar == null && en == null && fr == null) {
            throw new IllegalArgumentException("a record needs a title in at least one language");
        }
    }

    /** The title in the reader's language, else Arabic, English, French. */
    public String in(Language language) {
        String own = of(language);
        if (own != null) {
            return own;
        }
        return ar != null ? ar : en != null ? en : fr;
    }

    public String of(Language language) {
        return switch (language) {
            case AR -> ar;
            case EN -> en;
            case FR -> fr;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
