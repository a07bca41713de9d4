package org.diwan.library.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.AuthorityLink;
import org.diwan.library.internal.catalogue.CatalogueHits;
import org.diwan.library.internal.catalogue.CatalogueQuery;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.OtherTitle;
import org.diwan.library.internal.catalogue.DigitalObject;
import org.diwan.library.internal.catalogue.Viewer;
import org.diwan.library.internal.catalogue.Role;

/**
 * The models of the catalogue's search and record pages, for staff ({@code /diwan/library/catalogue}) and the
 * public ({@code /public/library}) alike: what differs is the base path and what the viewer may see.
 */
public final class CatalogueViews {

    static final int PAGE_SIZE = 20;
    /** Advanced search: words in one field, as {@code in.<field>} parameters. */
    static final List<String> ADVANCED = List.of("title", "author", "body", "subject", "symbol");
    private static final List<String> FACETS = List.of("type", "body", "year", "language", "subject", "country", "author");

    private final Authorities authorities;

    CatalogueViews(Authorities authorities) {
        this.authorities = authorities;
    }

    /** The query a search page's parameters ask for; nonsense (a page of -3, a year of "abc") is read as nothing. */
    static CatalogueQuery query(HttpServletRequest request) {
        return query(request::getParameterValues);
    }

    /** The query a saved search's query string asks for. */
    public static CatalogueQuery query(String queryString) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.computeIfAbsent(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query(name -> params.containsKey(name) ? params.get(name).toArray(String[]::new) : null);
    }

    private static CatalogueQuery query(java.util.function.Function<String, String[]> values) {
        java.util.function.Function<String, String> one = name -> {
            String[] all = values.apply(name);
            return all == null || all.length == 0 ? null : all[0];
        };
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : ADVANCED) {
            String words = one.apply("in." + field);
            if (words != null && !words.isBlank()) {
                fields.put(field, clip(words));
            }
        }
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (String facet : FACETS) {
            String[] chosenValues = values.apply("f." + facet);
            if (chosenValues != null) {
                chosen.put(facet, java.util.Arrays.stream(chosenValues).filter(v -> !v.isBlank() && v.length() <= 100).distinct().limit(20).toList());
            }
        }
        int page = Math.max(1, Math.min(number(one.apply("page"), 1), 10_000 / PAGE_SIZE));
        String q = one.apply("q");
        Integer from = year(one.apply("from"));
        Integer to = year(one.apply("to"));
        if (from != null && to != null && from > to) {
            Integer swap = from;
            from = to;
            to = swap;
        }
        return new CatalogueQuery(q == null ? "" : clip(q), fields, chosen, from, to,
                "newest".equals(one.apply("sort")), (page - 1) * PAGE_SIZE, PAGE_SIZE);
    }

    /** The search page's model: the form as submitted, the rows, the facets with links that add or remove a value, the pager. */
    Map<String, Object> search(String base, CatalogueQuery query, CatalogueHits hits, Language language) throws SQLException {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> state = state(query);
        model.put("base", base);
        model.put("q", query.text());
        model.put("fieldWords", ADVANCED.stream().collect(Collectors.toMap(f -> f, f -> query.fields().getOrDefault(f, ""))));
        model.put("advanced", ADVANCED);
        model.put("advancedOpen", !query.fields().isEmpty() || query.fromYear() != null || query.toYear() != null);
        model.put("from", query.fromYear() == null ? "" : query.fromYear().toString());
        model.put("to", query.toYear() == null ? "" : query.toYear().toString());
        model.put("newest", query.newest());
        model.put("queryString", queryString(query));
        model.put("searched", !query.text().isBlank() || !query.fields().isEmpty() || !query.chosen().isEmpty() || query.fromYear() != null
                || query.toYear() != null);
        model.put("total", digits(hits.total(), language));
        model.put("exact", hits.exact());
        model.put("facetsExact", hits.facetsExact());
        model.put("empty", hits.records().isEmpty());
        Map<String, Authority> named = named(hits.records());
        model.put("rows", hits.records().stream().map(r -> row(base, r, named, language)).toList());
        List<Map<String, Object>> facets = new ArrayList<>();
        hits.facets().forEach((facet, values) -> {
            if (values.isEmpty()) {
                return;
            }
            List<String> chosen = query.chosen().getOrDefault(facet, List.of());
            List<Map<String, Object>> items = new ArrayList<>();
            for (CatalogueHits.FacetValue value : values) {
                boolean on = chosen.contains(value.value());
                Map<String, Object> item = new HashMap<>();
                item.put("label", facet.equals("type") ? null : facet.equals("language") ? value.label().toUpperCase(Locale.ROOT) : value.label());
                item.put("typeKey", facet.equals("type") ? "library.type." + value.value().toUpperCase(Locale.ROOT).replace('-', '_') : null);
                item.put("count", digits(value.count(), language));
                item.put("chosen", on);
                item.put("href", link(base, state, facet, value.value(), on));
                items.add(item);
            }
            facets.add(Map.of("name", facet, "items", items));
        });
        model.put("facets", facets);
        int page = query.offset() / PAGE_SIZE + 1;
        long pages = Math.min((hits.total() + PAGE_SIZE - 1) / PAGE_SIZE, 10_000 / PAGE_SIZE);
        model.put("page", digits(page, language));
        model.put("previous", page > 1 ? base + "?" + encode(withPage(state, page - 1)) : null);
        model.put("next", page < pages ? base + "?" + encode(withPage(state, page + 1)) : null);
        return model;
    }

    /** Titles in other languages and scripts, each named in the reader's language ("Greek", "Arabic (Latin script)"). */
    private static List<Map<String, String>> otherTitles(CatalogueRecord record, Language language) {
        List<Map<String, String>> titles = new ArrayList<>();
        for (OtherTitle t : record.title().others()) {
            Map<String, String> title = new java.util.HashMap<>();
            title.put("text", t.text());
            title.put("language", t.language() == null ? "" : t.language());
            title.put("dir", t.rightToLeft() ? "rtl" : "ltr");
            if (t.language() != null) {
                Locale tag = Locale.forLanguageTag(t.language());
                Locale reader = Locale.forLanguageTag(language.tag());
                String name = tag.getDisplayLanguage(reader);
                if (!tag.getScript().isEmpty()) {
                    name = name + " (" + tag.getDisplayScript(reader) + ")";
                }
                title.put("languageName", name.isBlank() || name.equals(t.language()) ? null : name);
            }
            titles.add(title);
        }
        return titles;
    }

    /** A record's page: its fields and its authorities by role, in the reader's language. */
    Map<String, Object> record(String base, CatalogueRecord record, Language language) throws SQLException {
        Map<String, Authority> named = named(List.of(record));
        Map<String, Object> model = row(base, record, named, language);
        model.put("titleAr", record.title().ar());
        model.put("titleEn", record.title().en());
        model.put("titleFr", record.title().fr());
        model.put("otherTitles", otherTitles(record, language));
        model.put("session", record.session());
        model.put("issuedOn", record.issuedOn() == null ? null : record.issuedOn().toString());
        model.put("language", record.language().toUpperCase(Locale.ROOT));
        model.put("publisher", record.publisher());
        model.put("place", record.place());
        model.put("extent", record.extent());
        model.put("identifier", record.identifier());
        model.put("callNumber", record.callNumber());
        model.put("summary", record.summary());
        model.put("access", record.access().name());
        model.put("parent", record.parentId());
        model.put("version", record.version());
        List<Map<String, Object>> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            List<Map<String, String>> names = new ArrayList<>();
            for (String id : record.authorityIds(role)) {
                Authority a = named.get(id);
                names.add(Map.of("id", id, "name", a == null ? id : a.nameIn(language),
                        "href", base + "?f." + role.name().toLowerCase(Locale.ROOT) + "=" + id));
            }
            if (!names.isEmpty()) {
                roles.add(Map.of("role", role.name(), "names", names));
            }
        }
        model.put("roles", roles);
        return model;
    }

    /** The record's digital objects {@code viewer} may open, with their checksum, for its page. */
    static List<Map<String, Object>> objects(String base, CatalogueRecord record, List<DigitalObject> all, Viewer viewer, Language language) {
        List<Map<String, Object>> shown = new ArrayList<>();
        for (DigitalObject o : all) {
            if (!o.visibleTo(viewer, record)) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            String href = base + "/" + record.id() + "/objects/" + o.id();
            row.put("id", o.id());
            row.put("label", o.label() == null || o.label().isBlank() ? o.document().fileName() : o.label());
            row.put("fileName", o.document().fileName());
            row.put("mediaType", o.document().mediaType());
            row.put("size", size(o.document().size(), language));
            row.put("sha256", o.document().sha256());
            row.put("access", o.access().name());
            row.put("href", href);
            row.put("viewable", o.viewable());
            row.put("download", href + "?download=1");
            shown.add(row);
        }
        return shown;
    }

    private static String size(long bytes, Language language) {
        String text = bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KiB"
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        return DigitStyle.defaultFor(language).apply(text);
    }

    /** The names a record's form shows in its authority fields, one per line, in Arabic (as catalogued). */
    Map<String, String> formNames(CatalogueRecord record) throws SQLException {
        Map<String, Authority> named = named(List.of(record));
        Map<String, String> fields = new HashMap<>();
        for (Role role : Role.values()) {
            fields.put(role.name().toLowerCase(Locale.ROOT), record.authorityIds(role).stream()
                    .map(id -> named.containsKey(id) ? named.get(id).name().ar() : id).collect(Collectors.joining("\n")));
        }
        return fields;
    }

    private Map<String, Object> row(String base, CatalogueRecord r, Map<String, Authority> named, Language language) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", r.id());
        row.put("href", base + "/" + r.id());
        row.put("title", r.title().in(language));
        // the heading's own language, so that a Greek or Hebrew title is read (and voiced) as such
        row.put("titleLang", headingLanguage(r, language));
        row.put("type", r.type().name());
        row.put("year", r.year() == null ? null : DigitStyle.defaultFor(language).apply(r.year().toString()));
        row.put("symbol", r.symbol());
        List<String> bodies = new ArrayList<>();
        for (AuthorityLink link : r.links()) {
            if (link.role() == Role.BODY || link.role() == Role.AUTHOR) {
                Authority a = named.get(link.authorityId());
                if (a != null) {
                    bodies.add(a.nameIn(language));
                }
            }
        }
        row.put("by", String.join(" ؛ ", bodies));
        return row;
    }

    /** A MARC record as the record page's MARC view lists it: the leader, then each field's tag, indicators and subfields. */
    static List<Map<String, Object>> marcView(org.marc4j.marc.Record marc) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(Map.of("tag", "LDR", "ind", "", "subfields", List.of(Map.of("code", "", "text", marc.getLeader().marshal()))));
        for (org.marc4j.marc.ControlField field : marc.getControlFields()) {
            rows.add(Map.of("tag", field.getTag(), "ind", "", "subfields", List.of(Map.of("code", "", "text", field.getData()))));
        }
        for (org.marc4j.marc.DataField field : marc.getDataFields()) {
            List<Map<String, String>> subfields = new ArrayList<>();
            field.getSubfields().forEach(sub -> subfields.add(Map.of("code", "$" + sub.getCode(), "text", sub.getData())));
            rows.add(Map.of("tag", field.getTag(), "ind", ("" + field.getIndicator1() + field.getIndicator2()).replace(' ', '_'), "subfields", subfields));
        }
        return rows;
    }

    private static String headingLanguage(CatalogueRecord r, Language language) {
        if (r.title().of(language) != null) {
            return language.tag();
        }
        for (Language other : List.of(Language.AR, Language.EN, Language.FR)) {
            if (r.title().of(other) != null) {
                return other.tag();
            }
        }
        String first = r.title().others().get(0).language();
        return first == null ? "" : first;
    }

    private Map<String, Authority> named(List<CatalogueRecord> records) throws SQLException {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> r.links().forEach(l -> ids.add(l.authorityId())));
        return authorities.getAll(List.copyOf(ids));
    }

    /** The query string that asks for this search again (first page): what a saved search keeps. */
    static String queryString(CatalogueQuery query) {
        return encode(state(query));
    }

    private static Map<String, String> state(CatalogueQuery query) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("q", query.text());
        query.fields().forEach((f, w) -> state.put("in." + f, w));
        query.chosen().forEach((f, values) -> state.put("f." + f, String.join("\u0000", values)));
        state.put("from", query.fromYear() == null ? "" : query.fromYear().toString());
        state.put("to", query.toYear() == null ? "" : query.toYear().toString());
        state.put("sort", query.newest() ? "newest" : "");
        return state;
    }

    private static String link(String base, Map<String, String> state, String facet, String value, boolean on) {
        Map<String, String> next = new LinkedHashMap<>(state);
        List<String> values = new ArrayList<>(List.of(next.getOrDefault("f." + facet, "").split("\u0000")));
        values.removeIf(String::isEmpty);
        if (on) {
            values.remove(value);
        } else {
            values.add(value);
        }
        next.put("f." + facet, String.join("\u0000", values));
        return base + "?" + encode(next);
    }

    private static Map<String, String> withPage(Map<String, String> state, int page) {
        Map<String, String> next = new LinkedHashMap<>(state);
        next.put("page", Integer.toString(page));
        return next;
    }

    /** Query string; a value holding NULs stands for a repeated parameter. */
    private static String encode(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((name, value) -> {
            for (String one : value.split("\u0000")) {
                if (!one.isEmpty()) {
                    parts.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(one, StandardCharsets.UTF_8));
                }
            }
        });
        return String.join("&", parts);
    }

    private static String digits(long value, Language language) {
        return DigitStyle.defaultFor(language).apply(Long.toString(value));
    }

    private static String clip(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static int number(String raw, int otherwise) {
        try {
            return raw == null ? otherwise : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Integer year(String raw) {
        int year = number(raw, Integer.MIN_VALUE);
        return year < 1 || year > 9999 ? null : year;
    }
}
