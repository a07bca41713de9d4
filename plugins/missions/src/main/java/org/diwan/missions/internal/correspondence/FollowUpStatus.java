package org.diwan.missions.internal.correspondence;

/** A follow-up action's state; an open one past its deadline is overdue. */
public enum FollowUpStatus {
    OPEN, DONE, CANCELLED
}
