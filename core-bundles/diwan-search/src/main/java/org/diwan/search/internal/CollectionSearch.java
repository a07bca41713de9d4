package org.diwan.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.diwan.api.search.FacetCount;
import org.diwan.api.search.SearchHit;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;

/** One search over one view of a collection: the page of hits, the exact total and the facet counts together. */
final class CollectionSearch {

    private static final java.util.Set<String> ID_ONLY = java.util.Set.of(Fields.ID);

    private CollectionSearch() {
    }

    static SearchResult run(CollectionSearcher searcher, Query query, SearchQuery asked) throws IOException {
        int wanted = Math.max(1, asked.offset() + asked.limit());
        // Exact totals up to EXACT_TOTAL_UP_TO; past it, counting every match would cost the skipping that makes
        // broad searches fast, so "more than 1,000" is told instead
        CollectorManager<?, ? extends TopDocs> top = asked.sortBy() == null
                ? new TopScoreDocCollectorManager(wanted, SearchQuery.EXACT_TOTAL_UP_TO)
                : new TopFieldCollectorManager(sortOf(asked), wanted, SearchQuery.EXACT_TOTAL_UP_TO);
        SortedSetDocValuesReaderState facetState = asked.facets().isEmpty() ? null : searcher.facets();
        TopDocs docs;
        FacetsCollector facetHits = null;
        if (facetState == null) {
            docs = searcher.search(query, top);
        } else {
            Object[] both = searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
            docs = (TopDocs) both[0];
            facetHits = (FacetsCollector) both[1];
        }
        long total = docs.totalHits.value;
        boolean exact = docs.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        if (!exact && facetHits != null) {
            // the facets saw every match anyway
            total = facetHits.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            exact = true;
        }
        return new SearchResult(total, exact, page(searcher, docs, asked), facets(facetState, facetHits, asked));
    }

    private static Sort sortOf(SearchQuery asked) {
        SortField field = new SortField(Fields.number(asked.sortBy()), SortField.Type.LONG, asked.descending());
        // records without the number come last either way
        field.setMissingValue(asked.descending() ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(field, SortField.FIELD_SCORE);
    }

    private static List<SearchHit> page(CollectionSearcher searcher, TopDocs docs, SearchQuery asked) throws IOException {
        List<SearchHit> hits = new ArrayList<>(asked.limit());
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] scored = docs.scoreDocs;
        for (int i = asked.offset(); i < scored.length && hits.size() < asked.limit(); i++) {
            String id = stored.document(scored[i].doc, ID_ONLY).get(Fields.ID);
            hits.add(new SearchHit(id, Float.isNaN(scored[i].score) ? 0f : scored[i].score));
        }
        return hits;
    }

    private static Map<String, List<FacetCount>> facets(SortedSetDocValuesReaderState state, FacetsCollector hits,
            SearchQuery asked) throws IOException {
        Map<String, List<FacetCount>> counted = new LinkedHashMap<>();
        SortedSetDocValuesFacetCounts counts = state == null ? null : new SortedSetDocValuesFacetCounts(state, hits);
        for (String dim : asked.facets()) {
            List<FacetCount> values = new ArrayList<>();
            FacetResult result = counts == null ? null : topChildren(counts, asked.facetLimit(), dim);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.add(new FacetCount(value.label, value.value.longValue()));
                }
            }
            counted.put(dim, values);
        }
        return counted;
    }

    private static FacetResult topChildren(SortedSetDocValuesFacetCounts counts, int limit, String dim) throws IOException {
        try {
            return counts.getTopChildren(limit, dim);
        } catch (IllegalArgumentException neverIndexed) {
            return null;
        }
    }
}
