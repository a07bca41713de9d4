package org.diwan.library.internal.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A page of catalogue results with the facets of the whole result.
 *
 * @param facets per facet, its values with their counts and labels in the reader's language, most frequent first
 * @param facetsExact whether the facet counts are exact; on a broad search they are estimated from a sample (the total
 *               stays exact), and the page says so
 */
public record CatalogueHits(long total, boolean exact, List<CatalogueRecord> records, Map<String, List<FacetValue>> facets,
        boolean facetsExact) {

    /** A facet value as shown: {@code value} is what a link chooses, {@code label} what the reader sees. */
    public record FacetValue(String value, String label, long count) {
    }
}
