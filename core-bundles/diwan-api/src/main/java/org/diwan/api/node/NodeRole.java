package org.diwan.api.node;

/** Headquarters holds the reference data; a mission office owns its own records and works offline. */
public enum NodeRole {
    HQ,
    MISSION
}
