package org.diwan.missions.internal.correspondence;

/** The topic a piece of correspondence is filed under (MIS-2); the bulletin groups by it. */
public enum Classification {
    POLITICAL, ECONOMIC, MEDIA, CULTURAL, OTHER
}
