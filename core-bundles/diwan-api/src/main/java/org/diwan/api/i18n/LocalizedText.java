package org.diwan.api.i18n;

import java.util.Objects;

/**
 * A short text in Diwan's three languages, such as a plugin's name or a navigation label.
 * Arabic is required; English and French may be missing and then fall back (see {@link Language#fallbackChain()}).
 */
public record LocalizedText(String ar, String en, String fr) {

    public LocalizedText {
        Objects.requireNonNull(ar, "ar");
        if (ar.isBlank()) {
            throw new IllegalArgumentException("the Arabic text is required");
        }
        en = blankToNull(en);
        fr = blankToNull(fr);
    }

    public static LocalizedText of(String ar, String en, String fr) {
        return new LocalizedText(ar, en, fr);
    }

    /** The text in the given language, or in the first language of its fallback chain that has one. */
    public String in(Language language) {
        for (Language candidate : language.fallbackChain()) {
            String text = raw(candidate);
            if (text != null) {
                return text;
            }
        }
        return ar;
    }

    private String raw(Language language) {
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
