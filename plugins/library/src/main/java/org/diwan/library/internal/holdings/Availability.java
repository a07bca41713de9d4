package org.diwan.library.internal.holdings;

import java.time.LocalDate;

/** What a record's page says of its copies: how many of those held are on the shelf, and when the next one is due back. */
public record Availability(int available, int held, LocalDate nextDue, int waiting) {

    public boolean hasCopies() {
        return held > 0;
    }
}
