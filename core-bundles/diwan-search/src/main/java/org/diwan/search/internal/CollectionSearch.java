package org.diwan.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.CollectorManager;
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

    /** Fixed, so that the same search on the same view gives the same estimated counts each time it is shown. */
    private static final long SAMPLE_SEED = 0x5EEDL;

    private CollectionSearch() {
    }

    static SearchResult run(CollectionSearcher searcher, Query query, SearchQuery asked) throws IOException {
        int wanted = Math.max(1, asked.offset() + asked.limit());
        // Exact totals up to EXACT_TOTAL_UP_TO; past it, counting every match would cost the skipping that makes
        // broad searches fast, so "more than 1,000" is told instead
        CollectorManager<?, ? extends TopDocs> top = asked.sortBy() == null
                ? new TopScoreDocCollectorManager(wanted, SearchQuery.EXACT_TOTAL_UP_TO)
                : new TopFieldCollectorManager(sortOf(asked), wanted, SearchQuery.EXACT_TOTAL_UP_TO);
        if (asked.facets().isEmpty()) {
            TopDocs docs = searcher.search(query, top);
            return new SearchResult(docs.totalHits.value, docs.totalHits.relation == TotalHits.Relation.EQUAL_TO,
                    page(searcher, docs, asked), Map.of(), true);
        }
        // Two passes: the page with Lucene's skipping, as without facets; then every match without scores, for the exact
        // total and the facets (counted on a sample past a bound). One pass scoring every match for the page's sake
        // cost three times as much on broad searches.
        TopDocs docs = searcher.search(query, top);
        RandomSamplingFacetsCollector matches = searcher.search(query,
                RandomSamplingFacetsCollector.createManager(SearchQuery.EXACT_FACETS_UP_TO, SAMPLE_SEED));
        long total = matches.getOriginalMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        boolean sampled = total > SearchQuery.EXACT_FACETS_UP_TO;
        return new SearchResult(total, true, page(searcher, docs, asked), facets(searcher, matches, total, sampled, asked), !sampled);
    }

    private static Sort sortOf(SearchQuery asked) {
        SortField field = new SortField(Fields.number(asked.sortBy()), SortField.Type.LONG, asked.descending());
        // records without the number come last either way
        field.setMissingValue(asked.descending() ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(field, SortField.FIELD_SCORE);
    }

    private static List<SearchHit> page(CollectionSearcher searcher, TopDocs docs, SearchQuery asked) throws IOException {
        List<SearchHit> hits = new ArrayList<>(asked.limit());
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        ScoreDoc[] scored = docs.scoreDocs;
        for (int i = asked.offset(); i < scored.length && hits.size() < asked.limit(); i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scored[i].doc, leaves));
            BinaryDocValues ids = DocValues.getBinary(leaf.reader(), Fields.ID);
            if (!ids.advanceExact(scored[i].doc - leaf.docBase)) {
                throw new IllegalStateException("search index holds a document without an id");
            }
            hits.add(new SearchHit(ids.binaryValue().utf8ToString(), Float.isNaN(scored[i].score) ? 0f : scored[i].score));
        }
        return hits;
    }

    private static Map<String, List<FacetCount>> facets(CollectionSearcher searcher, FacetsCollector matches, long total, boolean sampled,
            SearchQuery asked) throws IOException {
        FacetsCollector counting = matches;
        double scale = 1;
        if (sampled) {
            // each segment's sample says how many it holds: Lucene counts a segment every document of which matched by
            // reading all its values, and a sample that kept the whole result's count would be counted whole
            List<FacetsCollector.MatchingDocs> sample = new ArrayList<>();
            long kept = 0;
            for (FacetsCollector.MatchingDocs docs : matches.getMatchingDocs()) {
                int size = ((BitDocIdSet) docs.bits).bits().cardinality();
                sample.add(new FacetsCollector.MatchingDocs(docs.context, docs.bits, size, null));
                kept += size;
            }
            scale = (double) total / Math.max(1, kept);
            counting = new FacetsCollector() {
                @Override
                public List<MatchingDocs> getMatchingDocs() {
                    return sample;
                }
            };
        }
        Map<String, List<FacetCount>> counted = new LinkedHashMap<>();
        for (String dim : asked.facets()) {
            List<FacetCount> values = new ArrayList<>();
            SortedSetDocValuesReaderState state = searcher.facets(dim);
            // each field in its own doc values: only the facets asked for are read and counted
            FacetResult result = state == null ? null : topChildren(new SortedSetDocValuesFacetCounts(state, counting), asked.facetLimit(), dim);
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    long count = value.value.longValue();
                    values.add(new FacetCount(value.label, sampled ? Math.min(total, Math.max(1, Math.round(count * scale))) : count));
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
