package org.diwan.library.internal.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.diwan.api.validation.Validation;
import org.diwan.library.internal.Ids;

/**
 * Reads a description from submitted fields (the web form, the REST API, an import), refusing field by field.
 * Authorities are named by id, several per role separated by commas or spaces ({@code author}, {@code body},
 * {@code country}, {@code subject}); whether they exist and fit their role is the catalogue's check.
 */
public final class RecordForm {

    /** The form's fields, as the pages name their inputs. */
    public static final List<String> FIELDS = List.of("type", "titleAr", "titleEn", "titleFr", "otherTitles", "symbol", "session", "issuedOn", "year",
            "language", "publisher", "place", "extent", "identifier", "callNumber", "summary", "access", "parent", "author", "body",
            "country", "subject");
    private static final Set<String> TYPES = Arrays.stream(RecordType.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> LEVELS = Arrays.stream(AccessLevel.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    /** Years a holding can bear: manuscripts are old, nothing is from the future beyond next year's plans. */
    private static final int FIRST_YEAR = 600;
    private static final int LAST_YEAR = 2100;

    /**
     * A description's values as the form holds them (empty for none), authorities aside: what an edit starts from,
     * and what an update by import keeps where the incoming record says nothing.
     */
    public static Map<String, String> values(CatalogueRecord r) {
        Map<String, String> f = new java.util.HashMap<>(Map.of("type", r.type().name(), "titleAr", nz(r.title().ar()), "titleEn",
                nz(r.title().en()), "titleFr", nz(r.title().fr()), "symbol", nz(r.symbol()), "session", nz(r.session()), "language",
                r.language(), "access", r.access().name(), "parent", nz(r.parentId()), "otherTitles", OtherTitle.format(r.title().others())));
        f.putAll(Map.of("issuedOn", r.issuedOn() == null ? "" : r.issuedOn().toString(), "year", r.year() == null ? "" : r.year().toString(),
                "publisher", nz(r.publisher()), "place", nz(r.place()), "extent", nz(r.extent()), "identifier", nz(r.identifier()),
                "callNumber", nz(r.callNumber()), "summary", nz(r.summary())));
        return f;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** The draft, or {@code null} with the reasons in {@code v}. */
    public RecordDraft read(Map<String, String> fields, Validation v) {
        String type = v.choice("type", fields.get("type"), TYPES, true);
        String titleAr = v.line("titleAr", fields.get("titleAr"), 1000);
        String titleEn = v.line("titleEn", fields.get("titleEn"), 1000);
        String titleFr = v.line("titleFr", fields.get("titleFr"), 1000);
        List<OtherTitle> otherTitles = otherTitles(v, fields.get("otherTitles"));
        if (titleAr == null && titleEn == null && titleFr == null && otherTitles.isEmpty() && !v.hasError("titleAr") && !v.hasError("titleEn")
                && !v.hasError("titleFr") && !v.hasError("otherTitles")) {
            v.reject("titleAr", "library.validation.title-required");
        }
        String symbol = v.line("symbol", fields.get("symbol"), 100);
        String session = v.line("session", fields.get("session"), 200);
        var issuedOn = v.date("issuedOn", fields.get("issuedOn"), false);
        Integer year = v.number("year", fields.get("year"), FIRST_YEAR, LAST_YEAR, false);
        if (year == null && issuedOn != null) {
            year = issuedOn.getYear();
        }
        String language = v.line("language", lower(fields.get("language")), 3);
        if (language == null && !v.hasError("language")) {
            v.reject("language", "validation.required");
        } else if (language != null && !LANGUAGE.matcher(language).matches()) {
            v.reject("language", "library.validation.language");
        }
        String publisher = v.line("publisher", fields.get("publisher"), 300);
        String place = v.line("place", fields.get("place"), 200);
        String extent = v.line("extent", fields.get("extent"), 200);
        String identifier = v.line("identifier", fields.get("identifier"), 40);
        String callNumber = v.line("callNumber", fields.get("callNumber"), 100);
        String summary = v.paragraph("summary", fields.get("summary"), 8000);
        String access = v.choice("access", fields.get("access"), LEVELS, true);
        String parent = ids(v, "parent", fields.get("parent")).stream().findFirst().orElse(null);
        List<AuthorityLink> links = new ArrayList<>();
        for (Role role : Role.values()) {
            String field = role.name().toLowerCase(Locale.ROOT);
            ids(v, field, fields.get(field)).forEach(id -> links.add(new AuthorityLink(role, id)));
        }
        if (type != null && RecordType.valueOf(type) == RecordType.LEAGUE_DOCUMENT && links.stream().noneMatch(l -> l.role() == Role.BODY)
                && !v.hasError("body")) {
            v.reject("body", "library.validation.body-required");
        }
        if (type != null && RecordType.valueOf(type) == RecordType.ISSUE && parent == null && !v.hasError("parent")) {
            v.reject("parent", "library.validation.parent-required");
        }
        if (!v.isValid()) {
            return null;
        }
        return new RecordDraft(RecordType.valueOf(type), new Titles(titleAr, titleEn, titleFr, otherTitles), symbol, session, issuedOn, year, language,
                publisher, place, extent, identifier, callNumber, summary, AccessLevel.valueOf(access), parent, links);
    }

    /** One title a line, {@code [language] text}; the column holds 8,000 characters. */
    private static List<OtherTitle> otherTitles(Validation v, String raw) {
        String text = v.paragraph("otherTitles", raw, 8000);
        if (text == null) {
            return List.of();
        }
        List<OtherTitle> titles = OtherTitle.parse(text);
        for (OtherTitle title : titles) {
            if (title.text().length() > OtherTitle.MAX_LENGTH) {
                v.reject("otherTitles", "library.validation.title-too-long");
                return List.of();
            }
            if (title.text().isEmpty()) {
                v.reject("otherTitles", "library.validation.other-title");
                return List.of();
            }
        }
        return titles;
    }

    private static List<String> ids(Validation v, String field, String raw) {
        List<String> ids = Ids.parse(raw, v, field);
        if (ids.size() > 50) {
            v.reject(field, "library.validation.too-many");
            return List.of();
        }
        return ids;
    }

    private static String lower(String raw) {
        return raw == null ? null : raw.strip().toLowerCase(Locale.ROOT);
    }
}
