package org.diwan.missions.internal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.CorrespondenceDraft;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reporting regularity and evaluations on a real Derby database. */
class MonitoringStoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    Path folder;

    private TestDatabase database;
    private MissionStore missions;
    private CorrespondenceStore correspondence;
    private MonitoringStore monitoring;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        DataSource data = database.migrate("missions");
        missions = new MissionStore(data, Clock.systemUTC(), TestSync.none());
        correspondence = new CorrespondenceStore(data, Clock.systemUTC());
        monitoring = new MonitoringStore(data, missions, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aMissionIsOverdueOnceItsExpectedPeriodHasPassedWithoutAReport() throws Exception {
        Mission paris = missions.create(mission("PAR", 30), "chief");
        Mission cairo = missions.create(mission("CAI", 30), "chief");
        Mission tokyo = missions.create(mission("TYO", 90), "chief");
        report(paris, TODAY.minusDays(10));
        report(cairo, TODAY.minusDays(40));
        report(cairo, TODAY.minusDays(70));
        report(tokyo, TODAY.minusDays(40));
        // a letter to a host institution is not a report to headquarters
        correspondence.create(new CorrespondenceDraft(paris.id(), Counterpart.HOST_INSTITUTION, "وزارة", Classification.OTHER, "FR", "X/1",
                TODAY.minusDays(1), null, "رسالة", null, CorrespondenceStatus.OPEN), "amina");

        List<ReportingStatus> statuses = monitoring.reporting(TODAY, null);
        assertThat(statuses).extracting(s -> s.mission().code()).containsExactly("CAI", "PAR", "TYO");
        ReportingStatus cai = statuses.get(0);
        assertThat(cai.state()).isEqualTo(ReportingStatus.State.OVERDUE);
        assertThat(cai.daysLate()).isEqualTo(10);
        assertThat(cai.reportsInYear()).isEqualTo(2);
        assertThat(statuses.get(1).state()).isEqualTo(ReportingStatus.State.REGULAR);
        assertThat(statuses.get(1).lastReport()).isEqualTo(TODAY.minusDays(10));
        assertThat(statuses.get(2).state()).isEqualTo(ReportingStatus.State.REGULAR);

        assertThat(monitoring.reporting(TODAY, "PAR")).extracting(s -> s.mission().code()).containsExactly("PAR");
    }

    @Test
    void theCalendarCountsReportsPerMonthOverTwelveMonths() throws Exception {
        Mission paris = missions.create(mission("PAR", 30), "chief");
        report(paris, LocalDate.of(2026, 11, 3));
        report(paris, LocalDate.of(2026, 11, 20));
        report(paris, LocalDate.of(2026, 9, 1));
        report(paris, LocalDate.of(2025, 10, 1));
        Map<YearMonth, Integer> calendar = monitoring.reportsPerMonth(paris.id(), YearMonth.of(2026, 11));
        assertThat(calendar).hasSize(12).containsEntry(YearMonth.of(2026, 11), 2).containsEntry(YearMonth.of(2026, 9), 1)
                .containsEntry(YearMonth.of(2025, 12), 0).doesNotContainKey(YearMonth.of(2025, 10));
    }

    @Test
    void evaluationsKeepTheirScoresAndHistoryAndAreApprovedOnce() throws Exception {
        Mission paris = missions.create(mission("PAR", 30), "chief");
        Map<Criterion, Evaluation.Score> scores = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            scores.put(c, new Evaluation.Score(c.kind() == Criterion.Kind.ADMINISTRATIVE ? 4 : 3, "ملاحظة"));
        }
        Evaluation first = monitoring.addEvaluation(paris.id(), "2026-H1", LocalDate.of(2026, 7, 1), "أداء جيد", scores, "chief");
        monitoring.addEvaluation(paris.id(), "2026-H2", LocalDate.of(2026, 11, 20), null, scores, "chief");

        List<Evaluation> history = monitoring.evaluations(paris.id());
        assertThat(history).extracting(Evaluation::period).containsExactly("2026-H2", "2026-H1");
        assertThat(history.get(1).average(Criterion.Kind.ADMINISTRATIVE)).isEqualTo(4.0);
        assertThat(history.get(1).average(Criterion.Kind.SUBSTANTIVE)).isEqualTo(3.0);
        assertThat(history.get(1).scores()).hasSize(Criterion.values().length);

        monitoring.approve(first.id(), 1, "director");
        assertThat(monitoring.evaluations(paris.id()).get(1).approved()).isTrue();
        assertThatThrownBy(() -> monitoring.approve(first.id(), 1, "director")).isInstanceOf(StaleEditException.class);
    }

    private void report(Mission m, LocalDate date) throws Exception {
        correspondence.create(new CorrespondenceDraft(m.id(), Counterpart.HEADQUARTERS, null, Classification.POLITICAL, m.country(),
                m.code() + "/" + date, date, null, "تقرير دوري", null, CorrespondenceStatus.OPEN), "amina");
    }

    private static MissionDraft mission(String code, int every) {
        return new MissionDraft(code, MissionType.MISSION, "FR", "مدينة", LocalizedText.of("بعثة " + code, null, null), null, null, null,
                null, MissionStatus.ACTIVE, every);
    }
}
