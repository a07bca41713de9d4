package org.diwan.api.sync;

import org.osgi.annotation.versioning.ProviderType;

/** What an administrator can see and do about the node's sync; provided by the sync bundle. */
@ProviderType
public interface SyncAdmin {

    SyncReport report();

    /**
     * Headquarters: queues every headquarters-owned record the mission should hold, at its current version, as
     * for a newly enrolled mission. The mission ignores what it already has. Returns how many were queued.
     *
     * @throws IllegalStateException on a mission node
     */
    long resend(String missionCode) throws Exception;

    /**
     * Every record of a type this node holds, by id, with its version and the SHA-256 of its payload as
     * {@link SyncedType#export} gives it now: what an administrator (or a test) compares between the two sides
     * to see that they hold the same records, neither lost nor doubled.
     *
     * @throws IllegalArgumentException when no plugin registers the type now
     */
    java.util.SortedMap<String, String> inventory(String type, String missionCode) throws Exception;

    /** Offers every deferred and failed change to its plugin again; returns how many were applied now. */
    int retryParked();
}
