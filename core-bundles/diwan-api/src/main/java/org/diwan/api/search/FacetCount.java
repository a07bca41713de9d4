package org.diwan.api.search;

/**
 * How many records of a result have a keyword value.
 *
 * @param value the keyword value, as indexed
 * @param count the records of the whole result (not only the page shown) that have it
 */
public record FacetCount(String value, long count) {
}
