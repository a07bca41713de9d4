package org.diwan.library.internal.catalogue;

import java.time.Instant;

/**
 * What is left of a record that left the public catalogue: deleted, or withdrawn (made staff-only or restricted).
 * Harvesters see it as a deleted header in the set it was in, with the moment it left as its datestamp.
 *
 * @param wasPublic whether harvesters may have seen it; only those are told of its deletion
 */
public record Tombstone(String id, RecordType type, Reason reason, boolean wasPublic, Instant removedAt) {

    /** Why the record left. */
    public enum Reason {
        DELETED,
        /** Made staff-only or restricted after being public; public again, it is a live record again. */
        WITHDRAWN
    }
}
