package org.diwan.missions.internal.bulletin;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.LocalizedText;

import org.diwan.api.web.record.VersionedRecord;

/**
 * A monthly bulletin: its title and introduction in the languages it has, its items in order, and once issued,
 * who issued it and the documents (HTML, PDF) of each language.
 */
public record Bulletin(String id, YearMonth month, Texts title, Texts intro, List<BulletinItem> items, boolean issued, Instant issuedAt,
        String issuedBy, Map<Language, Issue> issues, int version, String updatedBy, Instant updatedAt) implements VersionedRecord {

    /** The bulletin's state, as its events name it: {@code DRAFT} or {@code ISSUED}. */
    public String state() {
        return issued ? "ISSUED" : "DRAFT";
    }

    /** Text in the three languages, any of which but Arabic may be missing (null). */
    public record Texts(String ar, String en, String fr) {

        public String in(Language language) {
            return switch (language) {
                case AR -> ar;
                case EN -> en;
                case FR -> fr;
            };
        }

        public static Texts of(LocalizedText text) {
            return new Texts(text.ar(), text.en(), text.fr());
        }
    }

    /** The documents an issued language has in the core documents service. */
    public record Issue(String htmlDocument, String pdfDocument) {
    }

    /** Arabic always; English or French when the title and every included item have a translation in it. */
    public List<Language> languages() {
        return List.of(Language.values()).stream().filter(this::complete).toList();
    }

    boolean complete(Language language) {
        if (title.in(language) == null) {
            return false;
        }
        return items.stream().filter(BulletinItem::included)
                .allMatch(i -> i.heading().in(language) != null && (i.text().ar() == null || i.text().in(language) != null));
    }
}
