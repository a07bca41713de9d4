package org.diwan.api.sync;

import java.time.Instant;
import java.util.List;

/**
 * The state of the node's link, as the messaging bundle sees it.
 *
 * @param role        {@code hq} or {@code mission}
 * @param enabled     whether a link is configured at all (an HQ acceptor, or a mission's HQ address)
 * @param endpoint    where the link listens (HQ) or connects to (mission), or empty
 * @param connected   a mission: whether its bridge to HQ is up; HQ: whether any mission is connected
 * @param outbound    messages waiting on this node to leave it, each a bundle of up to 100 changes (a mission's
 *                    {@link SyncQueues#OUTBOUND}; on HQ the sum of every mission's queue)
 * @param missions    on HQ, one line per enrolled mission; empty on a mission
 * @param lastError   the last connection failure, or empty
 * @param lastErrorAt when it happened, or {@code null}
 */
public record LinkStatus(String role, boolean enabled, String endpoint, boolean connected, long outbound,
                         List<MissionLink> missions, String lastError, Instant lastErrorAt) {

    public LinkStatus {
        missions = List.copyOf(missions);
    }

    /**
     * One enrolled mission as headquarters sees it: whether it is connected, what waits for it, and the alarm about
     * its identity, if any.
     *
     * @param alarm     empty, or why the last refused login with the mission's right secret was refused:
     *                  {@code other-node} (from a node other than the mission's own), {@code no-node-key}, or
     *                  {@code two-nodes} (a second running copy of the mission's node); it stays until the mission is
     *                  enrolled again
     * @param alarmFrom the address that login came from, or empty
     * @param alarmAt   when, or {@code null}
     */
    public record MissionLink(String missionCode, boolean connected, long waiting, Instant lastSeen, String alarm, String alarmFrom,
                              Instant alarmAt) {

        /** A mission without an alarm. */
        public MissionLink(String missionCode, boolean connected, long waiting, Instant lastSeen) {
            this(missionCode, connected, waiting, lastSeen, "", "", null);
        }
    }
}
