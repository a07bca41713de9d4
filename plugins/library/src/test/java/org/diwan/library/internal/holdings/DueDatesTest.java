package org.diwan.library.internal.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DueDatesTest {

    @Test
    void aLoanPeriodCountsWorkingDaysOnlySkippingTheWeekendAndHolidays() {
        // Sunday 6 December + 10 working days: 7-10 (4), 13-16 (4), not Thursday 17 (holiday), 20-21 (2)
        LocalDate due = DueDates.due(HoldingsFixture.CALENDAR, HoldingsFixture.START, 10);
        assertThat(due).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(HoldingsFixture.CALENDAR.isWorkingDay(due)).isTrue();
    }

    @Test
    void aPeriodEndingBeforeAHolidayAndAWeekendLandsOnTheNextWorkingDay() {
        // Wednesday 16 + 1 working day: Thursday 17 is a holiday, Friday and Saturday the weekend: Sunday 20
        assertThat(DueDates.due(HoldingsFixture.CALENDAR, LocalDate.of(2026, 12, 16), 1)).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    @Test
    void aDateTheDeskTypesOnAHolidayOrAWeekendMovesToTheNextWorkingDay() {
        assertThat(DueDates.typed(HoldingsFixture.CALENDAR, HoldingsFixture.HOLIDAY)).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(DueDates.typed(HoldingsFixture.CALENDAR, LocalDate.of(2026, 12, 11))).isEqualTo(LocalDate.of(2026, 12, 13));
        assertThat(DueDates.typed(HoldingsFixture.CALENDAR, LocalDate.of(2026, 12, 14))).isEqualTo(LocalDate.of(2026, 12, 14));
    }
}
