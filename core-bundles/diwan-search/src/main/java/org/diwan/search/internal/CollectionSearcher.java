package org.diwan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher over one point-in-time view of a collection, with the facet ordinals of each keyword field of that view
 * built the first time a search counts that field (they cost a pass over its values, so once per view, not per
 * search).
 */
final class CollectionSearcher extends IndexSearcher {

    static final SearcherFactory FACTORY = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            return new CollectionSearcher(reader);
        }
    };

    /** Per keyword field: its facet state, or empty when no document of this view has the field. */
    private final Map<String, Optional<SortedSetDocValuesReaderState>> facets = new ConcurrentHashMap<>();

    private CollectionSearcher(IndexReader reader) {
        super(reader);
    }

    /** The facet state of one keyword field in this view, or {@code null} when no document in it has the field. */
    SortedSetDocValuesReaderState facets(String field) throws IOException {
        try {
            return facets.computeIfAbsent(field, f -> {
                try {
                    return Optional.of(new DefaultSortedSetDocValuesReaderState(getIndexReader(), Fields.facetField(f), Fields.FACETS));
                } catch (IllegalArgumentException noSuchField) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse(null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
