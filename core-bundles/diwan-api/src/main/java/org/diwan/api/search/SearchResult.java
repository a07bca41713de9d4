package org.diwan.api.search;

import java.util.List;
import java.util.Map;

/**
 * One page of a search.
 *
 * @param total  how many records matched in all
 * @param hits   the records of the page asked for, best first (or in the order asked for)
 * @param facets for each facet asked for, its most frequent values in the whole result, most frequent first
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public List<String> ids() {
        return hits.stream().map(SearchHit::id).toList();
    }
}
