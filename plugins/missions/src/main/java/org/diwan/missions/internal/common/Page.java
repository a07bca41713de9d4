package org.diwan.missions.internal.common;

import java.util.List;

/** One page of results and the total behind it. */
public record Page<T>(List<T> items, int total, int page, int size) {

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
