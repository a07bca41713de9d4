package org.diwan.library.internal.catalogue;

import java.util.List;
import java.util.Map;

/**
 * A catalogue search as a user asks it: words anywhere, words per field (advanced search), facet values chosen,
 * a year range, a page.
 *
 * @param fields  words per field: {@code title}, {@code author}, {@code body}, {@code subject}, {@code symbol}
 * @param chosen  facet values chosen, per facet ({@code type}, {@code body}, {@code year}, {@code language},
 *                {@code subject}, {@code country}, {@code author})
 * @param newest  order by year, newest first, instead of relevance
 * @param changedSince only records changed at or after this moment (a saved search's "new"), or {@code null}
 */
public record CatalogueQuery(String text, Map<String, String> fields, Map<String, List<String>> chosen, Integer fromYear, Integer toYear,
        boolean newest, int offset, int limit, java.time.Instant changedSince) {

    public CatalogueQuery {
        text = text == null ? "" : text;
        fields = Map.copyOf(fields);
        chosen = Map.copyOf(chosen);
    }

    public CatalogueQuery(String text, Map<String, String> fields, Map<String, List<String>> chosen, Integer fromYear, Integer toYear,
            boolean newest, int offset, int limit) {
        this(text, fields, chosen, fromYear, toYear, newest, offset, limit, null);
    }

    public static CatalogueQuery words(String text) {
        return new CatalogueQuery(text, Map.of(), Map.of(), null, null, false, 0, 20);
    }

    /** The same search, only what changed since {@code since}: the first {@code limit} records (an alert's). */
    public CatalogueQuery changesSince(java.time.Instant since, int limit) {
        return new CatalogueQuery(text, fields, chosen, fromYear, toYear, false, 0, limit, since);
    }

    /** The same search, counting only what changed since {@code since}, without a page of records. */
    public CatalogueQuery countingChangesSince(java.time.Instant since) {
        return new CatalogueQuery(text, fields, chosen, fromYear, toYear, false, 0, 0, since);
    }
}
