package org.diwan.missions.internal.registry;

/**
 * Someone else saved the record after this edit began: the edit is refused whole, nothing is overwritten.
 */
public final class StaleEditException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Mission current;

    public StaleEditException(Mission current) {
        super("record " + current.id() + " is now at version " + current.version());
        this.current = current;
    }

    /** The record as it is now, to show the user what changed. */
    public Mission current() {
        return current;
    }
}
