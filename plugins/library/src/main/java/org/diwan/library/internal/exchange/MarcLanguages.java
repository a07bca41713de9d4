package org.diwan.library.internal.exchange;

import java.util.Map;

import org.diwan.api.i18n.Language;

/** ISO 639-1 codes, as the catalogue keeps languages, to and from MARC's (ISO 639-2/B) codes. */
final class MarcLanguages {

    private static final Map<String, String> TO_MARC = Map.ofEntries(Map.entry("ar", "ara"), Map.entry("en", "eng"), Map.entry("fr", "fre"),
            Map.entry("es", "spa"), Map.entry("de", "ger"), Map.entry("it", "ita"), Map.entry("ru", "rus"), Map.entry("zh", "chi"),
            Map.entry("fa", "per"), Map.entry("tr", "tur"), Map.entry("ur", "urd"), Map.entry("he", "heb"), Map.entry("pt", "por"));

    private MarcLanguages() {
    }

    static String toMarc(String iso) {
        return iso == null ? null : TO_MARC.get(iso);
    }

    /** The catalogue's code for a MARC code; an unknown one is kept as it is (three letters are accepted). */
    static String fromMarc(String marc) {
        if (marc == null || marc.isBlank()) {
            return null;
        }
        String code = marc.strip().toLowerCase(java.util.Locale.ROOT);
        return TO_MARC.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst()
                .orElse(code.matches("[a-z]{2,3}") ? code : null);
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
