package org.diwan.missions.internal.common;

/**
 * Joins what a service records about a change (its audit entry, its event for integrators) to the store's sync
 * capture, so that all of them run in the write's transaction, in one order everywhere: recorded first, captured after.
 */
public final class Recorded {

    private Recorded() {
    }

    public static ChangeCapture then(ChangeCapture recorded, ChangeCapture captured) {
        return (connection, id) -> {
            recorded.changed(connection, id);
            captured.changed(connection, id);
        };
    }
}
