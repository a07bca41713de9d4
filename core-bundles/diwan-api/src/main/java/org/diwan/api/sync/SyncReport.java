package org.diwan.api.sync;

import java.time.Instant;
import java.util.List;

/**
 * What the node's sync has done and what it holds back, for the administration page and the shell.
 *
 * @param types        the record types registered now, as {@code name (owner)}
 * @param outbox       changes captured and not yet handed to the broker
 * @param sent         changes handed to the broker since the node started
 * @param received     changes received from the other side since the node started
 * @param lastSentAt   when a change last left for the broker, or {@code null}
 * @param lastReceivedAt when a change last arrived, or {@code null}
 * @param deferred     changes received and waiting for something they refer to, or for their plugin
 * @param failed       changes received and set aside: refused by their plugin, or refused because the record
 *                     they change belongs to another mission or to headquarters; an administrator looks at them
 * @param lastError    the last failure of the relay or a receiver, or empty
 */
public record SyncReport(List<String> types, long outbox, long sent, long received, Instant lastSentAt, Instant lastReceivedAt,
                         long deferred, List<Parked> failed, String lastError) {

    public SyncReport {
        types = List.copyOf(types);
        failed = List.copyOf(failed);
    }

    /**
     * A received change set aside, and why.
     *
     * @param missionCode the mission the change is for (on headquarters, the mission that sent it)
     * @param owner       when the change was refused because the record it names is another's: that record's real
     *                    owner, which keeps it; {@code null} for any other refusal
     */
    public record Parked(String key, String missionCode, Instant receivedAt, int attempts, String error, RecordOwner owner) {

        /** Whether the sender tried to change a record it does not own. */
        public boolean refusedAsNotOwned() {
            return owner != null;
        }
    }
}
