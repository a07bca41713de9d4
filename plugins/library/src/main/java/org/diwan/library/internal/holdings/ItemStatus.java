package org.diwan.library.internal.holdings;

/**
 * Where a copy is. {@link #ON_LOAN} and {@link #ON_HOLD} are set by circulation only (a loan, a return for a waiting
 * reservation); a cataloguer sets the others, and never takes a copy out of a loan or off the hold shelf by editing it.
 */
public enum ItemStatus {
    AVAILABLE, ON_LOAN, ON_HOLD, IN_REPAIR, LOST, WITHDRAWN;

    /** Whether circulation alone moves a copy out of this status. */
    public boolean inCirculation() {
        return this == ON_LOAN || this == ON_HOLD;
    }

    /** Whether the copy counts among a record's copies (a withdrawn one is kept for its history only). */
    public boolean held() {
        return this != WITHDRAWN;
    }
}
