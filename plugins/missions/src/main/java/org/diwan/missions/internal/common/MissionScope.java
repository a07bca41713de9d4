package org.diwan.missions.internal.common;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;

/** Which mission's records a node shows: all at headquarters, only its own on a mission node. */
public final class MissionScope {

    private MissionScope() {
    }

    /** The mission code a mission node is confined to; null at headquarters. */
    public static String of(NodeInfo node) {
        // a mission node without a code sees nothing rather than everything
        return node.role() == NodeRole.MISSION ? node.missionCode().orElse("?") : null;
    }
}
