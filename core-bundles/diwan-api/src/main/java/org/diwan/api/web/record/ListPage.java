package org.diwan.api.web.record;

import java.util.List;

/** One page of a list and the total behind it. */
public record ListPage<T>(List<T> items, long total, int page, int size) {

    public ListPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
