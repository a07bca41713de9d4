package org.diwan.library.internal.holdings;

import java.time.Instant;

/** A user's place in a record's queue; {@code itemId} is the copy on the hold shelf for them once {@link Status#ON_HOLD}. */
public record Reservation(String id, String recordId, String username, Status status, String itemId, Instant createdAt, Instant heldAt,
        int version) {

    public enum Status {
        WAITING, ON_HOLD, FULFILLED, CANCELLED;

        public boolean open() {
            return this == WAITING || this == ON_HOLD;
        }
    }
}
