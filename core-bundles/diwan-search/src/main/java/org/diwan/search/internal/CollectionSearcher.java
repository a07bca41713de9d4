package org.diwan.search.internal;

import java.io.IOException;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher over one point-in-time view of a collection, with the facet ordinals of that view built the first
 * time a search counts facets (they cost a pass over every keyword value, so once per view, not per search).
 */
final class CollectionSearcher extends IndexSearcher {

    static final SearcherFactory FACTORY = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
            return new CollectionSearcher(reader);
        }
    };

    private SortedSetDocValuesReaderState facets;
    private boolean noFacets;

    private CollectionSearcher(IndexReader reader) {
        super(reader);
    }

    /** The facet state of this view, or {@code null} when no document in it has a keyword. */
    synchronized SortedSetDocValuesReaderState facets() throws IOException {
        if (facets == null && !noFacets) {
            try {
                facets = new DefaultSortedSetDocValuesReaderState(getIndexReader(), Fields.FACETS);
            } catch (IllegalArgumentException noKeywordField) {
                noFacets = true;
            }
        }
        return facets;
    }
}
