package org.diwan.api.persistence;

/**
 * Someone else saved the record after this edit began: the edit is refused whole, nothing is overwritten.
 * Carries the record as it is now, so that the user sees what changed.
 */
public final class StaleEditException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Object current;

    public StaleEditException(String id, int version, Object current) {
        super("record " + id + " is now at version " + version);
        this.current = current;
    }

    public <T> T current(Class<T> type) {
        return type.cast(current);
    }
}
