package org.diwan.api.sync;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Headquarters' list of the mission nodes allowed to connect; provided on headquarters only. */
@ProviderType
public interface MissionLinks {

    /**
     * Lets the mission connect with a new secret (a mission enrolled before gets a new one and its old one stops
     * working) and creates its queue, so that what headquarters sends it waits until it first connects.
     *
     * @throws IllegalArgumentException when the code is not 2-32 of A-Z, 0-9 and '-'
     */
    Enrolment enrol(String missionCode);

    /** Refuses the mission's next login; its queue and what waits in it are kept. Returns whether it was enrolled. */
    boolean revoke(String missionCode);

    /** Enrolled mission codes, sorted. */
    List<String> enrolled();
}
