package org.diwan.missions.internal.correspondence;

import java.time.LocalDate;

/**
 * An action to take on correspondence: what, who, by when, and whether it is done.
 *
 * @param receivedFrom the mission node it came from with its correspondence, read-only here; {@code null} when
 *                     recorded on this node
 */
public record FollowUp(String id, String correspondenceId, String action, String owner, LocalDate deadline, FollowUpStatus status,
        int version, String receivedFrom) {

    /** Whether this node may change it: not when its mission's own node owns it. */
    public boolean editableHere() {
        return receivedFrom == null;
    }

    public boolean isOverdue(LocalDate today) {
        return status == FollowUpStatus.OPEN && deadline.isBefore(today);
    }
}
