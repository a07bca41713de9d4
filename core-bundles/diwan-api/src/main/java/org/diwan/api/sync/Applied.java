package org.diwan.api.sync;

/** What {@link SyncedType#apply} did with a change. */
public enum Applied {
    /** Stored: the record is now at the change's version. */
    APPLIED,
    /** Ignored: the receiver already holds this version or a newer one (a duplicate or a late arrival). */
    STALE,
    /**
     * Not yet: something the record refers to (its parent) has not arrived. The core keeps the change and
     * offers it again after later changes have been applied.
     */
    DEFERRED
}
