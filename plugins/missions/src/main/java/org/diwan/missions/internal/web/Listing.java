package org.diwan.missions.internal.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diwan.missions.internal.common.Page;

/**
 * The sortable headings and the pager of a list page, as links that keep the filters: what every list of
 * the department shows the same way.
 */
final class Listing {

    private Listing() {
    }

    /**
     * @param firstDir the direction a column sorts in when first clicked ({@code asc}, or {@code desc} for dates)
     * @return {@code sortLinks}, {@code sortState} (aria-sort values), {@code total}, {@code pageNumber},
     *         {@code pageCount}, {@code previous}, {@code next}
     */
    static Map<String, Object> sortAndPages(String base, Map<String, String> filters, String sort, boolean descending, List<String> columns,
            Page<?> page, String firstDir) {
        Map<String, String> links = new HashMap<>();
        Map<String, String> state = new HashMap<>();
        for (String column : columns) {
            boolean current = column.equals(sort);
            Map<String, String> p = new LinkedHashMap<>(filters);
            p.put("sort", column);
            p.put("dir", current ? (descending ? "asc" : "desc") : firstDir);
            links.put(column, base + "?" + Requests.query(p));
            state.put(column, current ? (descending ? "descending" : "ascending") : "none");
        }
        Map<String, String> p = new LinkedHashMap<>(filters);
        p.put("sort", sort);
        p.put("dir", descending ? "desc" : "asc");
        p.put("page", Integer.toString(page.page() - 1));
        String previous = page.hasPrevious() ? base + "?" + Requests.query(p) : null;
        p.put("page", Integer.toString(page.page() + 1));
        String next = page.hasNext() ? base + "?" + Requests.query(p) : null;

        Map<String, Object> model = new HashMap<>();
        model.put("sortLinks", links);
        model.put("sortState", state);
        model.put("total", page.total());
        model.put("pageNumber", page.page() + 1);
        model.put("pageCount", page.pages());
        model.put("previous", previous);
        model.put("next", next);
        return model;
    }
}
