package org.diwan.library.internal.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A page of catalogue results with the facets of the whole result.
 *
 * @param facets per facet, its values with their counts and labels in the reader's language, most frequent first
 */
public record CatalogueHits(long total, boolean exact, List<CatalogueRecord> records, Map<String, List<FacetValue>> facets) {

    /** A facet value as shown: {@code value} is what a link chooses, {@code label} what the reader sees. */
    public record FacetValue(String value, String label, long count) {
    }
}
