package org.diwan.missions.internal.correspondence;

/** Where the handling of a piece of correspondence stands; closing it needs the approve permission. */
public enum CorrespondenceStatus {
    OPEN, IN_PROGRESS, CLOSED
}
