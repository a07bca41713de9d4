package org.diwan.library.internal.search;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchService;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.CatalogueStore;

/**
 * Keeps the search index in step with the tables: called after each commit with what changed. A record's
 * document carries its authorities' names, so changing an authority re-indexes the records that name it.
 */
public final class LibraryIndex {

    private final SearchService search;
    private final CatalogueStore records;
    private final AuthorityStore authorities;

    public LibraryIndex(SearchService search, CatalogueStore records, AuthorityStore authorities) {
        this.search = search;
        this.records = records;
        this.authorities = authorities;
    }

    public void recordsChanged(Collection<CatalogueRecord> changed) throws SQLException {
        Set<String> named = new HashSet<>();
        changed.forEach(r -> r.links().forEach(l -> named.add(l.authorityId())));
        Map<String, Authority> byId = authorities.getAll(named);
        List<SearchDocument> documents = new ArrayList<>(changed.size());
        for (CatalogueRecord record : changed) {
            documents.add(RecordDocuments.of(record, byId));
        }
        search.index(LibraryCollections.RECORDS, documents);
    }

    /** An authority's names changed, or it was merged: it and every record naming it (now) are indexed again. */
    public void authoritiesChanged(Collection<String> authorityIds, Collection<String> recordIds) throws SQLException {
        Map<String, Authority> changed = authorities.getAll(authorityIds);
        search.index(LibraryCollections.AUTHORITIES, changed.values().stream().map(RecordDocuments::of).toList());
        Set<String> affected = new HashSet<>(recordIds);
        for (String id : authorityIds) {
            affected.addAll(records.naming(id));
        }
        List<String> ids = new ArrayList<>(affected);
        for (int from = 0; from < ids.size(); from += 500) {
            recordsChanged(records.getAll(ids.subList(from, Math.min(ids.size(), from + 500))).values());
        }
    }

    /** Every record, with the names of its authorities, for a rebuild. */
    public static void feedRecords(CatalogueStore records, AuthorityStore authorities, Consumer<SearchDocument> sink) throws SQLException {
        Map<String, Authority> all = new HashMap<>();
        authorities.forEach(a -> all.put(a.id(), a));
        records.forEach(record -> sink.accept(RecordDocuments.of(record, all)));
    }

    public static void feedAuthorities(AuthorityStore authorities, Consumer<SearchDocument> sink) throws SQLException {
        authorities.forEach(a -> sink.accept(RecordDocuments.of(a)));
    }
}
