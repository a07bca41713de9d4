package org.diwan.web.internal.record;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordPagesSpec;

/**
 * A list request read against its spec (only declared filters, a sortable column, a page number in range), and the
 * links a list page shows: sortable headings and the pager, each keeping the filters.
 */
final class ListModel {

    /** Longest filter or search text kept: a longer one is cut, not refused, so that a pasted paragraph still searches. */
    static final int MAX_TEXT = 200;
    private static final int MAX_PAGE = 1_000_000;

    private ListModel() {
    }

    static ListQuery query(RecordPagesSpec spec, PageRequest request, int size) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : spec.filters()) {
            String value = clean(request.param(name));
            if (!value.isEmpty()) {
                filters.put(name, value);
            }
        }
        String sort = spec.sortsOn(request.param("sort")) ? request.param("sort") : spec.defaultSort();
        String dir = request.param("dir");
        boolean descending = dir.equals("desc") || (!dir.equals("asc") && sort.equals(spec.defaultSort()) && spec.defaultDescending());
        return new ListQuery(clean(request.param("q")), filters, sort, descending, page(request.param("page")), size);
    }

    /** The list's filters as the page's filter form shows them, {@code q} first; absent ones as null. */
    static Map<String, String> filters(RecordPagesSpec spec, ListQuery query) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("q", query.text().isEmpty() ? null : query.text());
        spec.filters().forEach(name -> shown.put(name, query.filter(name)));
        return shown;
    }

    /** {@code sortLinks}, {@code sortState} (aria-sort values), {@code pageNumber}, {@code pageCount}, {@code previous}, {@code next}, {@code csvLink}. */
    static Map<String, Object> links(RecordPagesSpec spec, ListQuery query, ListPage<?> page) {
        Map<String, String> filters = filters(spec, query);
        Map<String, String> links = new HashMap<>();
        Map<String, String> state = new HashMap<>();
        for (Column column : spec.columns()) {
            if (!column.sortable()) {
                continue;
            }
            boolean current = column.key().equals(query.sort());
            Map<String, String> p = new LinkedHashMap<>(filters);
            p.put("sort", column.key());
            p.put("dir", current ? (query.descending() ? "asc" : "desc") : "asc");
            links.put(column.key(), spec.base() + "?" + queryString(p));
            state.put(column.key(), current ? (query.descending() ? "descending" : "ascending") : "none");
        }
        Map<String, String> p = new LinkedHashMap<>(filters);
        p.put("sort", query.sort());
        p.put("dir", query.descending() ? "desc" : "asc");
        Map<String, Object> model = new HashMap<>();
        model.put("sortLinks", links);
        model.put("sortState", state);
        model.put("pageNumber", page.page() + 1);
        model.put("pageCount", page.pages());
        p.put("page", Integer.toString(page.page() - 1));
        model.put("previous", page.hasPrevious() ? spec.base() + "?" + queryString(p) : null);
        p.put("page", Integer.toString(page.page() + 1));
        model.put("next", page.hasNext() ? spec.base() + "?" + queryString(p) : null);
        p.remove("page");
        p.put("format", "csv");
        model.put("csvLink", spec.base() + "?" + queryString(p));
        return model;
    }

    static String queryString(Map<String, String> params) {
        return params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String clean(String raw) {
        String text = raw.strip();
        if (text.length() <= MAX_TEXT) {
            return text;
        }
        // never half of a character outside the basic plane
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT);
    }

    private static int page(String raw) {
        if (!raw.matches("\\d{1,7}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(raw), MAX_PAGE);
    }
}
