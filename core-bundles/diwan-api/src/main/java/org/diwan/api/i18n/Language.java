package org.diwan.api.i18n;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The interface languages Diwan speaks. Arabic is the default and the organisation's working language,
 * so it is also the first fallback when a text is missing in the language a user chose.
 */
public enum Language {
    AR("ar", true),
    EN("en", false),
    FR("fr", false);

    public static final Language DEFAULT = AR;

    private final String tag;
    private final boolean rightToLeft;

    Language(String tag, boolean rightToLeft) {
        this.tag = tag;
        this.rightToLeft = rightToLeft;
    }

    /** The BCP 47 primary language subtag: {@code ar}, {@code en}, {@code fr}. */
    public String tag() {
        return tag;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The value of the HTML {@code dir} attribute for this language. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /**
     * The order in which texts are looked up for this language: the language itself, then Arabic, then
     * English. A French user with no French text sees the Arabic one, as the organisation writes it.
     */
    public List<Language> fallbackChain() {
        Set<Language> chain = new LinkedHashSet<>(List.of(this, AR, EN));
        return List.copyOf(new ArrayList<>(chain));
    }

    /**
     * Parses a language tag as a user, a cookie or a form sends it ({@code ar}, {@code ar-EG}, {@code FR_fr}).
     *
     * @return the language, or empty when the tag is blank or names a language Diwan does not speak
     */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().replace('_', '-').split("-", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.tag.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * Picks the best language from an HTTP {@code Accept-Language} header, honouring its weights.
     * A missing or malformed header gives the default, Arabic: a bad header must never fail a page.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            Optional<Language> language = fromTag(range.getRange());
            if (language.isPresent()) {
                return language.get();
            }
        }
        return DEFAULT;
    }
}
