package org.diwan.library.internal.catalogue;

import java.util.List;

import org.diwan.api.i18n.Language;

/**
 * A title in the languages it has: a French book may have no Arabic title, a Greek one only its Greek original
 * and a romanization ({@link OtherTitle}). At least one is present.
 */
public record Titles(String ar, String en, String fr, List<OtherTitle> others) {

    public Titles {
        ar = blankToNull(ar);
        en = blankToNull(en);
        fr = blankToNull(fr);
        others = others == null ? List.of() : others.stream().filter(t -> !t.text().isEmpty()).toList();
        if (ar == null && en == null && fr == null && others.isEmpty()) {
            throw new IllegalArgumentException("a record needs a title in at least one language");
        }
    }

    public Titles(String ar, String en, String fr) {
        this(ar, en, fr, List.of());
    }

    /** The title in the reader's language, else Arabic, English, French, else the first other (the original script first). */
    public String in(Language language) {
        String own = of(language);
        if (own != null) {
            return own;
        }
        return ar != null ? ar : en != null ? en : fr != null ? fr : others.get(0).text();
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
