package org.diwan.library.internal.catalogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.i18n.Language;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.search.FacetCount;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;
import org.diwan.api.search.SearchService;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityNames;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.search.LibraryCollections;
import org.diwan.library.internal.search.LibraryIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue as pages, the API and imports use it: validation (authorities exist, are not merged and fit
 * their role; an issue's parent is a periodical), storage, the audit trail and the search index, in that order.
 */
@Component(service = Catalogue.class)
public final class Catalogue {

    private static final Logger LOG = LoggerFactory.getLogger(Catalogue.class);
    static final List<String> FACETS = List.of(LibraryCollections.TYPE, LibraryCollections.BODY, LibraryCollections.YEAR,
            LibraryCollections.LANGUAGE, LibraryCollections.SUBJECT, LibraryCollections.COUNTRY, LibraryCollections.AUTHOR);
    private static final Set<String> SEARCHABLE_FIELDS = Set.of("title", "author", "body", "subject", "country", "symbol", "session", "summary");

    private final CatalogueStore records;
    private final AuthorityStore authorities;
    private final LibraryIndex index;
    private final SearchService search;
    private final AuditLog audit;
    private final RecordEvents events;
    private final Clock clock;
    private final RecordForm form = new RecordForm();
    private final AuthorityNames names;

    @Activate
    public Catalogue(@Reference(target = "(diwan.schema=library)") DataSource library, @Reference SearchService search,
            @Reference AuditLog audit, @Reference RecordEvents events) {
        this(new CatalogueStore(library, Clock.systemUTC()), new AuthorityStore(library, Clock.systemUTC()), search, audit, events,
                Clock.systemUTC());
    }

    public Catalogue(CatalogueStore records, AuthorityStore authorities, SearchService search, AuditLog audit, RecordEvents events,
            Clock clock) {
        this.records = records;
        this.authorities = authorities;
        this.search = search;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.index = new LibraryIndex(search, records, authorities);
        this.names = new AuthorityNames(search, authorities);
    }

    public Optional<CatalogueRecord> get(String id) throws SQLException {
        return records.get(id);
    }

    /**
     * Validates and creates; empty (with the reasons in {@code v}) when refused. Authority fields hold ids or
     * names, one per line or separated by commas.
     */
    public Optional<CatalogueRecord> create(Map<String, String> fields, Validation v, String actor, String address) throws SQLException {
        return create(fields, v, actor, address, AlsoWritten.NONE);
    }

    /** What an import writes with a description in the same transaction: the record it came as. */
    @FunctionalInterface
    public interface AlsoWritten {

        AlsoWritten NONE = (connection, id, draft) -> { };

        void written(Connection connection, String id, RecordDraft draft) throws SQLException;
    }

    /** Creates, and writes {@code also} in the same transaction. */
    public Optional<CatalogueRecord> create(Map<String, String> fields, Validation v, String actor, String address, AlsoWritten also)
            throws SQLException {
        RecordDraft draft = checked(read(fields, v), v, null);
        if (draft == null) {
            return Optional.empty();
        }
        CatalogueRecord created = records.create(draft, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.record.create", id, draft.title().in(Language.AR), address));
            events.publish(c, RecordEvent.of(LibraryPlugin.ID, "record", id, 1, EventKind.CREATED, actor, clock.instant(), fields(draft)));
            also.written(c, id, draft);
        });
        indexed(created);
        return Optional.of(created);
    }

    /** Validates and saves the edit made from {@code version}; empty when refused for a field. */
    public Optional<CatalogueRecord> update(String id, int version, Map<String, String> fields, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        return update(id, version, fields, v, actor, address, AlsoWritten.NONE);
    }

    /** Saves the edit, and writes {@code also} in the same transaction. */
    public Optional<CatalogueRecord> update(String id, int version, Map<String, String> fields, Validation v, String actor, String address,
            AlsoWritten also) throws SQLException, StaleEditException {
        RecordDraft draft = checked(read(fields, v), v, id);
        if (draft == null) {
            return Optional.empty();
        }
        CatalogueRecord saved = records.update(id, version, draft, actor, (c, written) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.record.update", id, "version " + (version + 1), address));
            events.publish(c, RecordEvent.of(LibraryPlugin.ID, "record", id, version + 1, EventKind.CHANGED, actor, clock.instant(),
                    fields(draft)));
            also.written(c, id, draft);
        });
        indexed(saved);
        return Optional.of(saved);
    }

    /**
     * Deletes a record: its authority links, its digital objects (their rows: the files stay in the documents store,
     * which may share their content) and its search entry go; a tombstone stays for harvesters. Refused while records
     * name it as their parent.
     *
     * @return false when there was no such record (deleted meanwhile)
     */
    public boolean delete(CatalogueRecord record, String actor, String address) throws SQLException, RecordInUse {
        boolean deleted = records.delete(record, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.record.delete", id, record.title().in(Language.AR), address));
            events.publish(c, RecordEvent.of(LibraryPlugin.ID, "record", id, record.version(), EventKind.DELETED, actor, clock.instant(),
                    fields(record)));
        });
        if (deleted) {
            search.delete(LibraryCollections.RECORDS, List.of(record.id()));
        }
        return deleted;
    }

    /** How many copies and reservations the record has: while there are some, it stays. */
    public int copies(String id) throws SQLException {
        return records.copies(id);
    }

    /** The records that name this one as their parent (a periodical's issues): while there are some, it stays. */
    public List<String> children(String id) throws SQLException {
        return records.children(id);
    }

    /** Authority fields hold names or ids as typed; they become ids before the form reads them. */
    private RecordDraft read(Map<String, String> fields, Validation v) throws SQLException {
        Map<String, String> resolved = new HashMap<>(fields);
        for (Role role : Role.values()) {
            String field = role.name().toLowerCase(java.util.Locale.ROOT);
            resolved.put(field, String.join(",", names.ids(fields.get(field), role.kinds(), field, v)));
        }
        RecordDraft draft = form.read(resolved, v);
        return v.isValid() ? draft : null;
    }

    /** The authorities a description names must exist, be live and fit their role; an issue's parent must be a periodical. */
    private RecordDraft checked(RecordDraft draft, Validation v, String editing) throws SQLException {
        if (draft == null) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        draft.links().forEach(l -> ids.add(l.authorityId()));
        Map<String, Authority> found = authorities.getAll(ids);
        for (AuthorityLink link : draft.links()) {
            Authority authority = found.get(link.authorityId());
            String field = link.role().name().toLowerCase(java.util.Locale.ROOT);
            if (authority == null || authority.mergedInto() != null) {
                v.reject(field, "library.validation.authority-unknown");
            } else if (!link.role().accepts(authority.kind())) {
                v.reject(field, "library.validation.authority-kind");
            }
        }
        if (draft.parentId() != null) {
            Optional<CatalogueRecord> parent = records.get(draft.parentId());
            if (parent.isEmpty() || parent.get().type() != RecordType.PERIODICAL || draft.parentId().equals(editing)) {
                v.reject("parent", "library.validation.parent-periodical");
            }
        }
        return v.isValid() ? draft : null;
    }

    private void indexed(CatalogueRecord record) {
        try {
            index.recordsChanged(List.of(record));
        } catch (SQLException e) {
            // the record is saved; the index catches up at its next rebuild
            LOG.error("library: record {} saved but not indexed: {}", record.id(), e.toString());
            search.rebuild(LibraryCollections.RECORDS);
        }
    }

    /** Searches what {@code viewer} may see; facet labels in {@code language}. */
    public CatalogueHits search(CatalogueQuery query, Viewer viewer, Language language) throws SQLException {
        SearchQuery.Builder asked = SearchQuery.builder().text(query.text())
                .filter(LibraryCollections.ACCESS, viewer.accessKeywords())
                .facets(query.limit() == 0 ? new String[0] : FACETS.toArray(String[]::new)).facetLimit(15)
                .page(query.offset(), query.limit());
        query.fields().forEach((field, words) -> {
            if (SEARCHABLE_FIELDS.contains(field)) {
                asked.text(field, words);
            }
        });
        query.chosen().forEach((facet, values) -> {
            if (FACETS.contains(facet) && !values.isEmpty()) {
                asked.filter(facet, values.toArray(String[]::new));
            }
        });
        if (query.fromYear() != null || query.toYear() != null) {
            asked.range(LibraryCollections.YEAR, query.fromYear() == null ? null : query.fromYear().longValue(),
                    query.toYear() == null ? null : query.toYear().longValue());
        }
        if (query.changedSince() != null) {
            asked.range(LibraryCollections.CHANGED, query.changedSince().toEpochMilli(), null);
        }
        if (query.newest()) {
            asked.sortBy(LibraryCollections.YEAR, true);
        }
        SearchResult result = search.search(LibraryCollections.RECORDS, asked.build());
        // the database has the last word: a record deleted or made restricted since it was indexed is left out
        List<CatalogueRecord> page = new ArrayList<>();
        for (CatalogueRecord record : records.getAll(result.ids()).values()) {
            if (viewer.sees(record.access())) {
                page.add(record);
            }
        }
        return new CatalogueHits(result.total(), result.exact(), page, labelled(result.facets(), language), result.facetsExact());
    }

    private Map<String, List<CatalogueHits.FacetValue>> labelled(Map<String, List<FacetCount>> facets, Language language) throws SQLException {
        Set<String> authorityIds = new HashSet<>();
        for (String facet : List.of(LibraryCollections.BODY, LibraryCollections.SUBJECT, LibraryCollections.COUNTRY, LibraryCollections.AUTHOR)) {
            facets.getOrDefault(facet, List.of()).forEach(f -> authorityIds.add(f.value()));
        }
        Map<String, Authority> names = authorities.getAll(authorityIds);
        Map<String, List<CatalogueHits.FacetValue>> labelled = new LinkedHashMap<>();
        for (String facet : FACETS) {
            List<CatalogueHits.FacetValue> values = new ArrayList<>();
            for (FacetCount count : facets.getOrDefault(facet, List.of())) {
                Authority authority = names.get(count.value());
                String label = authority != null ? authority.nameIn(language) : count.value();
                values.add(new CatalogueHits.FacetValue(count.value(), label, count.count()));
            }
            labelled.put(facet, values);
        }
        return labelled;
    }

    /**
     * What integrators see of a description: what the public catalogue shows, and of a restricted one only that it
     * exists and is restricted. Never the summary (it may quote the document).
     */
    static Map<String, Object> fields(CatalogueRecord r) {
        return fields(new RecordDraft(r.type(), r.title(), r.symbol(), r.session(), r.issuedOn(), r.year(), r.language(), r.publisher(),
                r.place(), r.extent(), r.identifier(), r.callNumber(), r.summary(), r.access(), r.parentId(), r.links()));
    }

    static Map<String, Object> fields(RecordDraft draft) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("recordType", draft.type());
        fields.put("access", draft.access());
        if (draft.access() != AccessLevel.RESTRICTED) {
            fields.put("titleAr", draft.title().ar());
            fields.put("titleEn", draft.title().en());
            fields.put("titleFr", draft.title().fr());
            fields.put("symbol", draft.symbol());
            fields.put("year", draft.year());
            fields.put("language", draft.language());
            fields.put("callNumber", draft.callNumber());
            fields.put("parentId", draft.parentId());
        }
        return fields;
    }
}
