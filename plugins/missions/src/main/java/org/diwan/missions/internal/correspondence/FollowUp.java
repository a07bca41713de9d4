package org.diwan.missions.internal.correspondence;

import java.time.LocalDate;

/** An action to take on correspondence: what, who, by when, and whether it is done. */
public record FollowUp(String id, String correspondenceId, String action, String owner, LocalDate deadline, FollowUpStatus status,
        int version) {

    public boolean isOverdue(LocalDate today) {
        return status == FollowUpStatus.OPEN && deadline.isBefore(today);
    }
}
