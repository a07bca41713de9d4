package org.diwan.api.search;

import java.util.List;
import java.util.Map;

/**
 * One page of a search.
 *
 * @param total  how many records matched in all, exactly if {@code exact}, else at least this many (counting every
 *               match of a broad search costs time; a result is counted exactly up to
 *               {@link SearchQuery#EXACT_TOTAL_UP_TO} records, and always when facets are asked for)
 * @param exact  whether {@code total} is exact
 * @param hits   the records of the page asked for, best first (or in the order asked for)
 * @param facets for each facet asked for, its most frequent values in the whole result, most frequent first
 * @param facetsExact whether the facet counts are exact: a result of more than {@link SearchQuery#EXACT_FACETS_UP_TO}
 *               records has its values counted on a random sample of that many and scaled up (the total stays exact)
 */
public record SearchResult(long total, boolean exact, List<SearchHit> hits, Map<String, List<FacetCount>> facets, boolean facetsExact) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** A result whose facet counts, if any, are exact. */
    public SearchResult(long total, boolean exact, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {
        this(total, exact, hits, facets, true);
    }

    public List<String> ids() {
        return hits.stream().map(SearchHit::id).toList();
    }
}
