package org.diwan.library.internal.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Authority control (LIB-5) on the shell's record pages: finding authorities by any of their names (best match
 * first), an authority's page with its possible duplicates, the editor's form, and merging a duplicate into the one
 * kept. A merged authority answers for its old id with the one kept.
 */
@Component(service = {RecordEditor.class, AuthorityRecords.class}, property = "diwan.plugin=" + LibraryPlugin.ID)
public final class AuthorityRecords implements RecordEditor<Authority> {

    static final String BASE = "/diwan/library/authorities";
    static final String MERGE = "merge";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(LibraryPlugin.CATALOGUE_READ, LibraryPlugin.AUTHORITY_WRITE)
            .templates("library/authority")
            .columns(Column.plain("name", "library.field.name"), Column.plain("otherNames", "library.field.otherNames"),
                    Column.plain("kind", "library.field.kind").coded("library.kind."))
            .filters("kind")
            .sortedBy("relevance", false)
            .pageSize(50)
            .formFields("kind", "nameAr", "nameEn", "nameFr", "variants", "note", "related")
            .actions(new RecordAction(MERGE, LibraryPlugin.AUTHORITY_WRITE))
            .build();

    private final Authorities authorities;

    @Activate
    public AuthorityRecords(@Reference Authorities authorities) {
        this.authorities = authorities;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    @Override
    public ListPage<Authority> list(ListQuery query, PageRequest request) throws SQLException {
        return authorities.page(query.text(), kind(query.filter("kind")), query.page(), query.size());
    }

    @Override
    public Optional<Authority> find(String id, PageRequest request) throws SQLException {
        return authorities.get(id);
    }

    @Override
    public Optional<String> movedTo(Authority authority) {
        return Optional.ofNullable(authority.mergedInto());
    }

    @Override
    public Map<String, Object> view(Authority a, PageRequest request) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", a.id());
        row.put("href", BASE + "/" + a.id());
        row.put("name", a.nameIn(request.language()));
        row.put("kind", a.kind().name());
        row.put("otherNames", String.join(" · ", Stream.of(a.name().ar(), a.name().en(), a.name().fr())
                .filter(n -> n != null && !n.equals(a.nameIn(request.language()))).toList()));
        row.put("nameAr", a.name().ar());
        row.put("nameEn", a.name().en());
        row.put("nameFr", a.name().fr());
        row.put("variants", a.variants());
        row.put("note", a.note());
        return row;
    }

    @Override
    public Map<String, Object> details(Authority authority, PageRequest request) throws SQLException {
        List<Map<String, Object>> duplicates = new ArrayList<>();
        for (Authority candidate : authorities.similar(authority, 5)) {
            duplicates.add(view(candidate, request));
        }
        return Map.of("related", authorities.getAll(authority.related()).values().stream().map(a -> view(a, request)).toList(),
                "duplicates", duplicates, "records", CatalogueRecords.BASE + "?f." + facetOf(authority.kind()) + "=" + authority.id());
    }

    @Override
    public Map<String, String> fields(Authority a) throws SQLException {
        Map<String, String> f = new HashMap<>();
        f.put("kind", a.kind().name());
        f.put("nameAr", a.name().ar());
        f.put("nameEn", a.name().en() == null ? "" : a.name().en());
        f.put("nameFr", a.name().fr() == null ? "" : a.name().fr());
        f.put("variants", String.join("\n", a.variants()));
        f.put("note", a.note() == null ? "" : a.note());
        f.put("related", String.join("\n", authorities.getAll(a.related()).values().stream().map(r -> r.name().ar()).toList()));
        return f;
    }

    @Override
    public Map<String, String> defaults(PageRequest request) {
        AuthorityKind kind = kind(request.param("kind"));
        return Map.of("kind", (kind == null ? AuthorityKind.PERSON : kind).name());
    }

    @Override
    public Map<String, Object> choices(PageRequest request) {
        return Map.of("kinds", Arrays.stream(AuthorityKind.values()).map(Enum::name).toList());
    }

    @Override
    public Outcome<Authority> create(Map<String, String> fields, PageRequest request) throws SQLException {
        return Outcome.from(Authority.class, v -> authorities.create(fields, v, request.actor(), request.address()));
    }

    @Override
    public Outcome<Authority> update(Authority current, int version, Map<String, String> fields, PageRequest request) throws SQLException {
        if (current.mergedInto() != null) {
            // a merged authority is kept for its old id only: edits go to the one it was merged into
            return Outcome.invalid("kind", "library.authority.mergeRefused");
        }
        return Outcome.from(Authority.class, v -> authorities.update(current.id(), version, fields, v, request.actor(), request.address()));
    }

    /** Merging moves every description naming the duplicate to the one kept. */
    @Override
    public ActionOutcome act(String action, Authority duplicate, ActionInput input, PageRequest request) throws SQLException {
        String kept = input.field("into").strip();
        try {
            authorities.merge(duplicate.id(), kept, request.actor(), request.address());
            return ActionOutcome.done(kept);
        } catch (IllegalArgumentException refused) {
            return ActionOutcome.refused("library.authority.mergeRefused");
        }
    }

    private static String facetOf(AuthorityKind kind) {
        return switch (kind) {
            case PERSON -> "author";
            case BODY -> "body";
            case COUNTRY -> "country";
            case SUBJECT -> "subject";
        };
    }

    private static AuthorityKind kind(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : AuthorityKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
