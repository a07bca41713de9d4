package org.diwan.api.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to look for. Query text is what a user types: words are all required, {@code "…"} finds a phrase,
 * {@code word*} a prefix, {@code -word} excludes, {@code a | b} finds either; any text is accepted (a stray
 * quote is read as text, never an error). Every word is looked for in every language's analysis, so
 * {@code أحمد}, {@code احمد} and {@code احمد} written with tatweel find the same records, as do
 * {@code resolutions} and {@code resolution}.
 *
 * @param text       words to find in all text fields; empty finds every record (to browse by facets)
 * @param fieldTexts words to find in one text field each (advanced search), all required
 * @param filters    keyword values required: any of a field's values, every field given
 * @param ranges     number ranges required, every field given
 * @param facets     keyword fields to count values of (exactly up to {@link #EXACT_FACETS_UP_TO} records, estimated beyond)
 * @param facetLimit how many values to return per facet, most frequent first
 * @param sortBy     a number field to order by instead of relevance, or {@code null}
 * @param descending with {@code sortBy}: largest first
 * @param offset     records to skip (paging)
 * @param limit      records to return
 */
public record SearchQuery(String text, Map<String, String> fieldTexts, Map<String, Set<String>> filters,
        Map<String, NumberRange> ranges, List<String> facets, int facetLimit, String sortBy, boolean descending,
        int offset, int limit) {

    /** Longest query text accepted, per field. */
    public static final int MAX_TEXT_LENGTH = 1000;
    /** Most records one page may hold. */
    public static final int MAX_LIMIT = 200;
    /** Deepest record a page may reach: further, the user should narrow the search. */
    public static final int MAX_WINDOW = 10_000;
    /**
     * Totals are exact up to this many records (unless facets are asked for, which count every match anyway):
     * counting every match of a broad search would cost the skipping that keeps it fast.
     */
    public static final int EXACT_TOTAL_UP_TO = 1_000;
    /**
     * Facet values are counted exactly on results of up to this many records; on larger ones, on a random sample of
     * this many, scaled up ({@link SearchResult#facetsExact()} says which): counting every value of every match made a
     * broad search with facets ten times slower than without, while the most frequent values and their rough counts,
     * all a reader looks at, come out the same.
     */
    public static final int EXACT_FACETS_UP_TO = 5_000;

    public SearchQuery {
        text = checkText(text == null ? "" : text);
        fieldTexts.forEach((field, words) -> {
            SearchDocument.checkName(field);
            checkText(words);
        });
        fieldTexts = Map.copyOf(fieldTexts);
        Map<String, Set<String>> copied = new LinkedHashMap<>();
        filters.forEach((field, values) -> copied.put(SearchDocument.checkName(field), Set.copyOf(values)));
        filters = Map.copyOf(copied);
        ranges.keySet().forEach(SearchDocument::checkName);
        ranges = Map.copyOf(ranges);
        facets.forEach(SearchDocument::checkName);
        facets = List.copyOf(facets);
        if (sortBy != null) {
            SearchDocument.checkName(sortBy);
        }
        if (facetLimit < 1 || facetLimit > 1000) {
            throw new IllegalArgumentException("Facet limit must be 1 to 1000, not " + facetLimit);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A page holds 0 to " + MAX_LIMIT + " records, not " + limit);
        }
        if (offset < 0 || (long) offset + limit > MAX_WINDOW) {
            throw new IllegalArgumentException("Only the first " + MAX_WINDOW + " records of a result can be paged to; narrow the search");
        }
    }

    private static String checkText(String text) {
        if (text == null || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("Search text must have at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    /** A query for {@code text} in all fields, first 20 records, no facets. */
    public static SearchQuery of(String text) {
        return builder().text(text).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private String text = "";
        private final Map<String, String> fieldTexts = new LinkedHashMap<>();
        private final Map<String, Set<String>> filters = new LinkedHashMap<>();
        private final Map<String, NumberRange> ranges = new LinkedHashMap<>();
        private final List<String> facets = new ArrayList<>();
        private int facetLimit = 10;
        private String sortBy;
        private boolean descending;
        private int offset;
        private int limit = 20;

        private Builder() {
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Words to find in one text field; blank is ignored. */
        public Builder text(String field, String words) {
            if (words != null && !words.isBlank()) {
                fieldTexts.put(field, words);
            }
            return this;
        }

        /** Requires one of the values given for this field over all calls. */
        public Builder filter(String field, String... values) {
            filters.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(List.of(values));
            return this;
        }

        public Builder range(String field, Long min, Long max) {
            ranges.put(field, new NumberRange(min, max));
            return this;
        }

        public Builder facets(String... fields) {
            facets.addAll(List.of(fields));
            return this;
        }

        public Builder facetLimit(int facetLimit) {
            this.facetLimit = facetLimit;
            return this;
        }

        public Builder sortBy(String field, boolean descending) {
            this.sortBy = field;
            this.descending = descending;
            return this;
        }

        public Builder page(int offset, int limit) {
            this.offset = offset;
            this.limit = limit;
            return this;
        }

        public SearchQuery build() {
            return new SearchQuery(text, fieldTexts, filters, ranges, facets, facetLimit, sortBy, descending, offset, limit);
        }
    }
}
