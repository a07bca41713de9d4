package org.diwan.api.web.record;

import java.util.Map;

/**
 * One page of a list as the visitor asked for it, already checked by the shell: only declared filters, a sort key
 * among the sortable columns, a page number from 0 and the page size of the spec. An editor turns it into its own
 * query and never sees a raw sort or filter parameter.
 *
 * @param text    the search box's text, trimmed; empty for none
 * @param filters declared filter name to the chosen value; absent when not chosen
 */
public record ListQuery(String text, Map<String, String> filters, String sort, boolean descending, int page, int size) {

    public ListQuery {
        text = text == null ? "" : text.strip();
        filters = Map.copyOf(filters);
    }

    /** The value chosen for a filter, or null. */
    public String filter(String name) {
        return filters.get(name);
    }

    public int offset() {
        return page * size;
    }

    /**
     * The query as request parameters again ({@code q}, the filters, {@code sort}, {@code dir}, {@code page},
     * {@code size}), checked: for a store whose own query reads parameters.
     */
    public Map<String, String> asParameters() {
        Map<String, String> params = new java.util.HashMap<>(filters);
        params.put("q", text);
        params.put("sort", sort);
        params.put("dir", descending ? "desc" : "asc");
        params.put("page", Integer.toString(page));
        params.put("size", Integer.toString(size));
        return params;
    }
}
