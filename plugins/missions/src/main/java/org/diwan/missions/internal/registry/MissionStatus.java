package org.diwan.missions.internal.registry;

/** Whether an office works now; closed offices stay in the registry with their history. */
public enum MissionStatus {
    ACTIVE, SUSPENDED, CLOSED
}
