package org.diwan.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.chrono.HijrahDate;
import java.util.Locale;

import org.diwan.api.validation.LogText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayRuleTest {

    @Test
    void parsesTheThreeKindsWithAndWithoutLengthAndName() {
        assertThat(HolidayRule.parse("gregorian:2026-12-18"))
                .isEqualTo(new HolidayRule.OnDate(LocalDate.of(2026, 12, 18), 1, ""));
        assertThat(HolidayRule.parse("gregorian:*-12-18 National Day"))
                .isEqualTo(new HolidayRule.YearlyGregorian(MonthDay.of(12, 18), 1, "National Day"));
        assertThat(HolidayRule.parse("hijri:10-01+3 Eid al-Fitr"))
                .isEqualTo(new HolidayRule.YearlyHijri(10, 1, 3, "Eid al-Fitr"));
        assertThat(HolidayRule.parse("  HIJRI:12-09+5\t  Arafat and Eid al-Adha  "))
                .isEqualTo(new HolidayRule.YearlyHijri(12, 9, 5, "Arafat and Eid al-Adha"));
        assertThat(HolidayRule.parse("gregorian:2026-12-18+2"))
                .isEqualTo(new HolidayRule.OnDate(LocalDate.of(2026, 12, 18), 2, ""));
    }

    @Test
    void acceptsNamesInAnyScript() {
        assertThat(HolidayRule.parse("hijri:10-01+3 عيد الفطر").name()).isEqualTo("عيد الفطر");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gregorian:2026-12-18", "gregorian:*-02-29 Leap", "hijri:10-01+3 Eid al-Fitr",
            "hijri:01-01 Islamic New Year", "gregorian:*-12-31+30", "hijri:12-30"})
    void formatsBackToTheSameText(String entry) {
        HolidayRule rule = HolidayRule.parse(entry);
        assertThat(rule.format()).isEqualTo(entry);
        assertThat(HolidayRule.parse(rule.format())).isEqualTo(rule);
    }

    @Test
    void formatsWithAsciiDigitsWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-SA-u-nu-arab"));
            assertThat(String.format("%02d", 7)).as("the JDK does localise digits").isNotEqualTo("07");
            assertThat(HolidayRule.parse("hijri:10-01+3").format()).isEqualTo("hijri:10-01+3");
            assertThat(HolidayRule.parse("gregorian:*-09-23").format()).isEqualTo("gregorian:*-09-23");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hijri", "hijri:", "hijri:10-1", "hijri:10-01-01", "hijri:1447-10-01",
            "hijri:13-01", "hijri:00-01", "hijri:10-31", "hijri:10-00", "gregorian:2026-02-30", "gregorian:*-02-30",
            "gregorian:26-12-18", "gregorian:2026-13-01", "gregorian:*-12", "gregorian:12-18", "julian:2026-01-01",
            "hijri:10-01+0", "hijri:10-01+31", "hijri:10-01+1000", "hijri:10-01+", "hijri:10-01+3x", "hijri:10-01 +3",
            "hijri :10-01", "hijri:10-01+3 Eid, al-Fitr", "hijri:10-01 Eid\u0007", "hijri:10-01 Eid\nhijri:12-10",
            "gregorian:2026-12-18;DROP TABLE", "<script>:10-01"})
    void refusesMalformedEntriesQuotingThem(String entry) {
        assertThatThrownBy(() -> HolidayRule.parse(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("holiday rule '")
                .hasMessageContaining(entry.strip().isEmpty() ? "empty" : LogText.escaped(entry));
    }

    @Test
    void escapesControlCharactersInTheMessage() {
        assertThatThrownBy(() -> HolidayRule.parse("hijri:10-01 Eid\u001b[31m\u202e"))
                .hasMessageContaining("Eid\\u001b[31m\\u202e")
                .hasMessageNotContaining("\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hijri:١٠-٠١+٣", "hijri:۱۰-۰۱", "gregorian:٢٠٢٦-12-18", "hijri:10-01+३"})
    void refusesNonAsciiDigitsSayingSo(String entry) {
        assertThatThrownBy(() -> HolidayRule.parse(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(entry)
                .hasMessageContaining("ASCII digits 0-9");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> HolidayRule.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cutsAnOverlongEntryInTheMessage() {
        String entry = "hijri:10-01 " + "x".repeat(10_000);
        assertThatThrownBy(() -> HolidayRule.parse(entry))
                .hasMessageContaining("longer than")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void aHijriRuleFollowsUmmAlQuraEachYear() {
        HolidayRule eid = HolidayRule.parse("hijri:10-01+3");
        for (int year = 1440; year <= 1460; year++) {
            LocalDate first = LocalDate.from(HijrahDate.of(year, 10, 1));
            assertThat(eid.covers(first.minusDays(1))).as("eve of Eid %d", year).isFalse();
            assertThat(eid.covers(first)).as("Eid %d", year).isTrue();
            assertThat(eid.covers(first.plusDays(2))).as("third day of Eid %d", year).isTrue();
            assertThat(eid.covers(first.plusDays(3))).as("after Eid %d", year).isFalse();
        }
        assertThat(LocalDate.from(HijrahDate.of(1447, 10, 1))).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void aHijriDayTheMonthLacksThatYearYieldsNothing() {
        HolidayRule lastOfDhuAlHijjah = HolidayRule.parse("hijri:12-30");
        assertThat(HijrahDate.of(1447, 12, 1).lengthOfMonth()).isEqualTo(29);
        assertThat(HijrahDate.of(1448, 12, 1).lengthOfMonth()).isEqualTo(30);
        LocalDate firstOf1448 = LocalDate.from(HijrahDate.of(1448, 1, 1));
        assertThat(lastOfDhuAlHijjah.covers(firstOf1448)).isFalse();
        assertThat(lastOfDhuAlHijjah.covers(firstOf1448.minusDays(1))).isFalse();
        assertThat(lastOfDhuAlHijjah.covers(LocalDate.from(HijrahDate.of(1448, 12, 30)))).isTrue();
    }

    @Test
    void anOccurrenceCrossingTheHijriNewYearIsFound() {
        HolidayRule rule = new HolidayRule.YearlyHijri(12, 25, 10, "");
        LocalDate newYear = LocalDate.from(HijrahDate.of(1448, 1, 1));
        // 25 Dhu al-Hijjah 1447 (29 days) + 10 days runs to 5 Muharram 1448.
        assertThat(rule.covers(newYear.plusDays(4))).isTrue();
        assertThat(rule.covers(newYear.plusDays(5))).isFalse();
    }

    @Test
    void outsideTheUmmAlQuraTablesAHijriRuleYieldsNothingAndNeverThrows() {
        HolidayRule eid = HolidayRule.parse("hijri:10-01+3");
        LocalDate firstSupported = LocalDate.from(HijrahDate.of(1300, 1, 1));
        assertThat(eid.covers(firstSupported)).isFalse();
        assertThat(eid.covers(firstSupported.minusDays(1))).isFalse();
        assertThat(eid.covers(LocalDate.of(1850, 6, 1))).isFalse();
        assertThat(eid.covers(LocalDate.of(2200, 1, 1))).isFalse();
        assertThat(eid.covers(LocalDate.MIN)).isFalse();
        assertThat(eid.covers(LocalDate.MAX)).isFalse();
        assertThat(HolidayRule.parse("hijri:01-01").covers(firstSupported)).isTrue();
    }

    @Test
    void gregorianRulesAtTheEdges() {
        HolidayRule leap = HolidayRule.parse("gregorian:*-02-29");
        assertThat(leap.covers(LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(leap.covers(LocalDate.of(2027, 2, 28))).isFalse();
        assertThat(leap.covers(LocalDate.of(2027, 3, 1))).isFalse();

        HolidayRule newYear = HolidayRule.parse("gregorian:*-12-31+3");
        assertThat(newYear.covers(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(newYear.covers(LocalDate.of(2027, 1, 3))).isFalse();
        assertThat(newYear.covers(LocalDate.MIN)).isFalse();
        assertThat(newYear.covers(LocalDate.MAX)).isTrue();

        HolidayRule once = HolidayRule.parse("gregorian:2026-12-18+2");
        assertThat(once.covers(LocalDate.of(2026, 12, 19))).isTrue();
        assertThat(once.covers(LocalDate.of(2027, 12, 18))).isFalse();
        assertThat(once.covers(LocalDate.MAX)).isFalse();
    }
}
