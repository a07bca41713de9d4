package org.diwan.missions.internal.monitoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.diwan.missions.internal.registry.Mission;

/**
 * Whether an office reports as often as expected (MIS-3): its last report to headquarters, when the next is
 * due, and by how many days it is late. An office that never reported is due {@code reportEveryDays} after it
 * was registered.
 */
public record ReportingStatus(Mission mission, LocalDate lastReport, int reportsInYear, LocalDate due, long daysLate) {

    public enum State {
        REGULAR, OVERDUE
    }

    public static ReportingStatus of(Mission mission, LocalDate lastReport, LocalDate registered, int reportsInYear, LocalDate today) {
        LocalDate due = (lastReport != null ? lastReport : registered).plusDays(mission.reportEveryDays());
        return new ReportingStatus(mission, lastReport, reportsInYear, due, Math.max(0, ChronoUnit.DAYS.between(due, today)));
    }

    public State state() {
        return daysLate > 0 ? State.OVERDUE : State.REGULAR;
    }
}
