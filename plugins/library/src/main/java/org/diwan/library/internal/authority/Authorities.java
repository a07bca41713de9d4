package org.diwan.library.internal.authority;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.search.SearchService;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.catalogue.Scripts;
import org.diwan.library.internal.search.LibraryCollections;
import org.diwan.library.internal.search.LibraryIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authority control (LIB-5): creating and editing authorities, finding them by any of their names (to pick one
 * while cataloguing), and merging duplicates so that every description keeps its links.
 */
@Component(service = Authorities.class)
public final class Authorities {

    private static final Logger LOG = LoggerFactory.getLogger(Authorities.class);

    private final AuthorityStore store;
    private final LibraryIndex index;
    private final SearchService search;
    private final AuditLog audit;
    private final RecordEvents events;
    private final Clock clock;
    private final AuthorityForm form = new AuthorityForm();
    private final AuthorityNames names;

    @Activate
    public Authorities(@Reference(target = "(diwan.schema=library)") DataSource library, @Reference SearchService search,
            @Reference AuditLog audit, @Reference RecordEvents events) {
        this(new AuthorityStore(library, Clock.systemUTC()), new CatalogueStore(library, Clock.systemUTC()), search, audit, events,
                Clock.systemUTC());
    }

    public Authorities(AuthorityStore store, CatalogueStore records, SearchService search, AuditLog audit, RecordEvents events, Clock clock) {
        this.store = store;
        this.search = search;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.index = new LibraryIndex(search, records, store);
        this.names = new AuthorityNames(search, store);
    }

    public Optional<Authority> get(String id) throws SQLException {
        return store.get(id);
    }

    public Map<String, Authority> getAll(List<String> ids) throws SQLException {
        return store.getAll(ids);
    }

    /** Validates and creates; empty (with the reasons in {@code v}) when refused. */
    public Optional<Authority> create(Map<String, String> fields, Validation v, String actor, String address) throws SQLException {
        AuthorityDraft draft = form.read(resolved(fields, v), v);
        if (draft == null || !relatedExist(draft, v, null)) {
            return Optional.empty();
        }
        Authority created = store.create(draft, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.authority.create", id, draft.name().ar(), address));
            events.publish(c, RecordEvent.of(LibraryPlugin.ID, "authority", id, 1, EventKind.CREATED, actor, clock.instant(), fields(draft)));
        });
        indexed(List.of(created.id()), List.of());
        return Optional.of(created);
    }

    /** Validates and saves the edit made from {@code version}; every description naming it is indexed again. */
    public Optional<Authority> update(String id, int version, Map<String, String> fields, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        AuthorityDraft draft = form.read(resolved(fields, v), v);
        if (draft == null || !relatedExist(draft, v, id)) {
            return Optional.empty();
        }
        Authority saved = store.update(id, version, draft, actor, (c, written) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.authority.update", id, "version " + (version + 1), address));
            events.publish(c, RecordEvent.of(LibraryPlugin.ID, "authority", id, version + 1, EventKind.CHANGED, actor, clock.instant(),
                    fields(draft)));
        });
        indexed(List.of(id), List.of());
        return Optional.of(saved);
    }

    /**
     * Merges a duplicate into the authority kept; the descriptions that named the duplicate name the one kept.
     *
     * @throws IllegalArgumentException when either is unknown or merged already, or their kinds differ
     */
    public List<String> merge(String duplicate, String kept, String actor, String address) throws SQLException {
        List<String> changed = store.merge(duplicate, kept, actor, (c, records) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.authority.merge", duplicate, "into " + kept + ", "
                    + records.size() + " record(s)", address));
            // the duplicate stays as a pointer to the one kept: a change of both, told with the link
            for (String id : List.of(duplicate, kept)) {
                events.publish(c, RecordEvent.of(LibraryPlugin.ID, "authority", id, AuthorityStore.version(c, id), EventKind.CHANGED,
                        actor, clock.instant(), Map.of("mergedInto", kept)));
            }
        });
        indexed(List.of(duplicate, kept), changed);
        return changed;
    }

    /** Live authorities whose names (any language, any variant) match the words, for pickers: ids, best first. */
    public List<Authority> find(String words, AuthorityKind kind, int limit) throws SQLException {
        return page(words, kind, 0, limit).items();
    }

    /** One page of the live authorities whose names match the words (all of them for none), best first. */
    public ListPage<Authority> page(String words, AuthorityKind kind, int page, int size) throws SQLException {
        SearchQuery.Builder query = SearchQuery.builder().text(words).filter("state", "live").page(page * size, size);
        if (kind != null) {
            query.filter(LibraryCollections.KIND, kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        SearchResult result = search.search(LibraryCollections.AUTHORITIES, query.build());
        Map<String, Authority> found = store.getAll(result.ids());
        List<Authority> ordered = new ArrayList<>();
        result.ids().forEach(id -> {
            Authority a = found.get(id);
            if (a != null && a.mergedInto() == null) {
                ordered.add(a);
            }
        });
        return new ListPage<>(ordered, result.total(), page, size);
    }

    /** "See also" names any kind of authority, by name or id as typed. */
    private Map<String, String> resolved(Map<String, String> fields, Validation v) throws SQLException {
        Map<String, String> resolved = new java.util.HashMap<>(fields);
        resolved.put("related", String.join(",", names.ids(fields.get("related"), java.util.EnumSet.allOf(AuthorityKind.class), "related", v)));
        return resolved;
    }

    /**
     * The live authority of this kind a name (any language, any listed form, spelled any way) stands for, made
     * when there is none: what an import links. Empty when two authorities share the name.
     */
    public Optional<String> findOrCreate(AuthorityKind kind, String name, String actor, String address) throws SQLException {
        return findOrCreate(kind, name, null, actor, address);
    }

    /**
     * The authority a name stands for, found by either of its forms (a record from another library may give a
     * romanized name with its original script beside it), or made: the Arabic-script form as the Arabic heading,
     * a Latin one as the English, the other form kept as a variant so that both find it.
     *
     * @param otherForm the same name in another script, or {@code null}
     * @return empty when a form matches several authorities
     */
    public Optional<String> findOrCreate(AuthorityKind kind, String name, String otherForm, String actor, String address) throws SQLException {
        List<String> forms = new java.util.ArrayList<>();
        for (String form : java.util.Arrays.asList(otherForm, name)) {
            if (form != null && !form.isBlank() && !forms.contains(form)) {
                forms.add(form);
            }
        }
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        for (String form : forms) {
            Validation v = new Validation();
            String id = names.idOf(form.strip(), java.util.EnumSet.of(kind), "name", v);
            if (id != null) {
                return Optional.of(id);
            }
            if (v.errors().values().stream().anyMatch(e -> e.messageKey().equals("library.validation.authority-ambiguous"))) {
                return Optional.empty();
            }
        }
        String arabic = forms.stream().filter(f -> Scripts.of(f) == Character.UnicodeScript.ARABIC).findFirst().orElse(null);
        String latin = forms.stream().filter(f -> Scripts.of(f) == Character.UnicodeScript.LATIN).findFirst().orElse(null);
        String heading = arabic != null ? arabic : forms.get(0);
        Map<String, String> fields = new java.util.HashMap<>(Map.of("kind", kind.name(), "nameAr", heading));
        if (latin != null) {
            fields.put("nameEn", latin);
        }
        List<String> variants = forms.stream().filter(f -> !f.equals(heading) && !f.equals(latin)).toList();
        if (!variants.isEmpty()) {
            fields.put("variants", String.join("\n", variants));
        }
        Validation creating = new Validation();
        return create(fields, creating, actor, address).map(Authority::id);
    }

    /**
     * Live authorities of the same kind whose names share words with this one's (any language), most alike first:
     * the candidates for a merge.
     */
    public List<Authority> similar(Authority authority, int limit) throws SQLException {
        StringBuilder words = new StringBuilder();
        for (String name : java.util.Arrays.asList(authority.name().ar(), authority.name().en(), authority.name().fr())) {
            if (name != null) {
                // any shared word counts: the query syntax's operators become spaces, words are joined by "or"
                for (String word : name.replaceAll("[\\\\\"+\\-|*~()]", " ").trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.append(words.length() == 0 ? "" : " | ").append(word);
                    }
                }
            }
        }
        List<Authority> similar = new ArrayList<>();
        for (Authority candidate : find(words.toString(), authority.kind(), limit + 1)) {
            if (!candidate.id().equals(authority.id()) && similar.size() < limit) {
                similar.add(candidate);
            }
        }
        return similar;
    }

    private boolean relatedExist(AuthorityDraft draft, Validation v, String editing) throws SQLException {
        Map<String, Authority> found = store.getAll(draft.related());
        for (String id : draft.related()) {
            Authority related = found.get(id);
            if (related == null || related.mergedInto() != null || id.equals(editing)) {
                v.reject("related", "library.validation.authority-unknown");
                return false;
            }
        }
        return true;
    }

    private void indexed(List<String> authorityIds, List<String> recordIds) {
        try {
            index.authoritiesChanged(authorityIds, recordIds);
        } catch (SQLException e) {
            LOG.error("library: authorities {} saved but not indexed: {}", authorityIds, e.toString());
            search.rebuild(LibraryCollections.AUTHORITIES);
            search.rebuild(LibraryCollections.RECORDS);
        }
    }

    /** An authority's names are public (the OPAC shows them); its cataloguer's note is not. */
    private static Map<String, Object> fields(AuthorityDraft draft) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("kind", draft.kind());
        fields.put("nameAr", draft.name().ar());
        fields.put("nameEn", draft.name().en());
        fields.put("nameFr", draft.name().fr());
        return fields;
    }
}
