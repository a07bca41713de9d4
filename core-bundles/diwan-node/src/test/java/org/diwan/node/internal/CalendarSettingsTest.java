package org.diwan.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.chrono.HijrahDate;
import java.util.Set;

import org.diwan.api.calendar.HolidayRule;
import org.diwan.api.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class CalendarSettingsTest {

    private static final ZoneId SYSTEM = ZoneId.of("Asia/Riyadh");

    private static CalendarSettings.Read read(String[] weekend, String opens, String closes, String zone, String... holidays) {
        return CalendarSettings.read(weekend, opens, closes, zone, holidays, SYSTEM);
    }

    @Test
    void theDefaultsAreFridaySaturdayEightToThreeInTheSystemZone() {
        CalendarSettings.Read read = read(new String[] {"FRIDAY", "SATURDAY"}, "08:00", "15:00", "");
        assertThat(read.problems()).isEmpty();
        assertThat(read.calendar()).isEqualTo(WorkingCalendar.defaults(SYSTEM));
    }

    @Test
    void readsACommaSeparatedListAsACfgFileGivesIt() {
        CalendarSettings.Read read = read(new String[] {"friday, Saturday"}, "07:30", "14:30", "Europe/Paris",
                "hijri:10-01+3 Eid al-Fitr, hijri:12-09+5 Arafat and Eid al-Adha,hijri:01-01,  gregorian:*-12-18 National Day , ");
        assertThat(read.problems()).isEmpty();
        WorkingCalendar calendar = read.calendar();
        assertThat(calendar.weekend()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        assertThat(calendar.opens()).isEqualTo(LocalTime.of(7, 30));
        assertThat(calendar.closes()).isEqualTo(LocalTime.of(14, 30));
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(calendar.holidays()).extracting(HolidayRule::name)
                .containsExactly("Eid al-Fitr", "Arafat and Eid al-Adha", "", "National Day");
        assertThat(calendar.isWorkingDay(LocalDate.from(HijrahDate.of(1448, 1, 1)))).isFalse();
    }

    @Test
    void skipsBadHolidaysAndKeepsTheGoodOnes() {
        CalendarSettings.Read read = read(new String[] {"FRIDAY", "SATURDAY"}, "08:00", "15:00", "",
                "hijri:10-01+3 Eid al-Fitr", "hijri:١٠-١٠", "hijri:13-01\u001b[2J", "gregorian:*-12-16");
        assertThat(read.calendar().holidays()).hasSize(2);
        assertThat(read.problems()).hasSize(2);
        assertThat(read.problems().get(0)).contains("hijri:١٠-١٠").contains("ASCII digits");
        assertThat(read.problems().get(1)).contains("hijri:13-01\\u001b[2J").doesNotContain("\u001b");
    }

    @Test
    void badHoursZoneAndWeekendFallBackToDefaultsAndSaySo() {
        CalendarSettings.Read read = read(new String[] {"FRIDAY", "Cat\u0007urday"}, "8h", "25:00", "Mars/Olympus");
        assertThat(read.calendar()).isEqualTo(new WorkingCalendar(Set.of(DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                LocalTime.of(15, 0), SYSTEM, java.util.List.of()));
        assertThat(read.problems()).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("Cat\\u0007urday").doesNotContain("\u0007"))
                .anySatisfy(p -> assertThat(p).contains("opens '8h'"))
                .anySatisfy(p -> assertThat(p).contains("closes '25:00'"))
                .anySatisfy(p -> assertThat(p).contains("Mars/Olympus"));
    }

    @Test
    void hoursThatDoNotCloseAfterOpeningAreReplacedByTheDefault() {
        CalendarSettings.Read read = read(null, "16:00", "09:00", null);
        assertThat(read.calendar().opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(read.calendar().closes()).isEqualTo(LocalTime.of(15, 0));
        assertThat(read.problems()).singleElement().asString().contains("16:00-09:00");
    }

    @Test
    void aWeekOfWeekendKeepsTheDefaultWeekend() {
        CalendarSettings.Read read = read(new String[] {"MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"}, null, null, null);
        assertThat(read.calendar().weekend()).isEqualTo(WorkingCalendar.DEFAULT_WEEKEND);
        assertThat(read.problems()).singleElement().asString().contains("seven");
    }

    @Test
    void anEmptyWeekendMeansEveryDayIsWorked() {
        CalendarSettings.Read read = read(new String[] {""}, null, null, null);
        assertThat(read.problems()).isEmpty();
        assertThat(read.calendar().weekend()).isEmpty();
    }

    @Test
    void theServiceHandsOutTheCalendarItRead() {
        CalendarSettings.Read read = read(new String[] {"FRIDAY", "SATURDAY"}, "08:00", "15:00", "Asia/Riyadh",
                "hijri:10-01+3 Eid al-Fitr", "not a rule");
        NodeCalendar service = new NodeCalendar(read);
        WorkingCalendar calendar = service.nodeCalendar();
        LocalDate eid = LocalDate.from(HijrahDate.of(1447, 10, 1));
        assertThat(calendar.workingTimeBetween(eid.atStartOfDay(SYSTEM).toInstant(), eid.plusDays(3).atStartOfDay(SYSTEM).toInstant()))
                .isEqualTo(Duration.ZERO);
    }
}
