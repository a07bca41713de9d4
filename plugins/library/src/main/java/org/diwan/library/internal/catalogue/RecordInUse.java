package org.diwan.library.internal.catalogue;

/**
 * A record that cannot be deleted while others depend on it: a periodical its issues name, a record with copies (their
 * loans and reservations are readers' history: copies are withdrawn, never deleted).
 */
public final class RecordInUse extends Exception {

    private static final long serialVersionUID = 1L;

    /** What keeps the record. */
    public enum Reason {
        ISSUES,
        COPIES,
        /** Found by the database's constraints after the checks passed: one or the other came meanwhile. */
        ISSUES_OR_COPIES
    }

    private final Reason reason;

    public RecordInUse(String id, Reason reason) {
        super("record " + id + " is kept by its " + reason.name().toLowerCase(java.util.Locale.ROOT));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
