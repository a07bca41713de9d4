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

    /** Offers every deferred and failed change to its plugin again; returns how many were applied now. */
    int retryParked();
}
