package org.diwan.api.workflow;

import java.util.Objects;

/**
 * How long a record may stay in the state a transition leads to, on the node's working calendar: a number of working
 * hours (counted within the working hours of working days), or of working days (due at the closing time of the last).
 */
public record Due(int amount, Unit unit) {

    /** The longest delay a transition may set: about a working year. */
    public static final int MAX_AMOUNT = 2000;

    public enum Unit { WORKING_HOURS, WORKING_DAYS }

    public Due {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("a due delay is 1-" + MAX_AMOUNT + " " + unit + ", not " + amount);
        }
    }

    public static Due workingHours(int hours) {
        return new Due(hours, Unit.WORKING_HOURS);
    }

    public static Due workingDays(int days) {
        return new Due(days, Unit.WORKING_DAYS);
    }
}
