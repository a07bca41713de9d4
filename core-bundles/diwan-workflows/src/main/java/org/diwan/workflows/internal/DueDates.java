package org.diwan.workflows.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.diwan.api.calendar.WorkingCalendar;
import org.diwan.api.workflow.Due;

/** A transition's delay turned into an instant on the node's working calendar. */
final class DueDates {

    private DueDates() {
    }

    /**
     * Working hours count from {@code now} (or the next opening) within working hours; working days count from today
     * (today itself not counted, worked or not) and end at the closing time of the last one.
     */
    static Instant of(Due due, Instant now, WorkingCalendar calendar) {
        if (due.unit() == Due.Unit.WORKING_HOURS) {
            return calendar.addWorkingTime(now, Duration.ofHours(due.amount()));
        }
        LocalDate day = calendar.addWorkingDays(LocalDate.ofInstant(now, calendar.zone()), due.amount());
        return day.atTime(calendar.closes()).atZone(calendar.zone()).toInstant();
    }
}
