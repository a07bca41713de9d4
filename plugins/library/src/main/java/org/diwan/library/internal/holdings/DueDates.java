package org.diwan.library.internal.holdings;

import java.time.LocalDate;

import org.diwan.api.calendar.WorkingCalendar;

/** Due dates on the node's working calendar: never on a weekend day or a holiday. */
public final class DueDates {

    private DueDates() {
    }

    /** {@code days} working days after {@code lentOn} (the day of the loan not counted). */
    public static LocalDate due(WorkingCalendar calendar, LocalDate lentOn, int days) {
        return calendar.addWorkingDays(lentOn, days);
    }

    /**
     * A due date the desk typed: the day itself when worked, else the next working day, so that a date typed on a
     * holiday does not make the reader return a copy to a closed library.
     */
    public static LocalDate typed(WorkingCalendar calendar, LocalDate typed) {
        return calendar.isWorkingDay(typed) ? typed : calendar.addWorkingDays(typed, 1);
    }
}
