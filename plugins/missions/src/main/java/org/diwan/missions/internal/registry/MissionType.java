package org.diwan.missions.internal.registry;

/** The kinds of office the League keeps abroad (MIS-1). */
public enum MissionType {
    MISSION, CENTRE, BUREAU
}
