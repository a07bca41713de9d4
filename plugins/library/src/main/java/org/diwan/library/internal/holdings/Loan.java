package org.diwan.library.internal.holdings;

import java.time.Instant;
import java.time.LocalDate;

/** A copy lent to a user of the node; open while {@code returnedAt} is null. */
public record Loan(String id, String itemId, String recordId, String borrower, Instant lentAt, String lentBy, LocalDate dueOn,
        int renewals, Instant returnedAt, int version) {

    public boolean open() {
        return returnedAt == null;
    }

    public boolean overdueOn(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }
}
