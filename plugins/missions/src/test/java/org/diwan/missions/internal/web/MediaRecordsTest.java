package org.diwan.missions.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.media.MediaActivity;
import org.diwan.missions.internal.media.MediaService;
import org.diwan.missions.internal.media.MediaStore;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.diwan.testkit.RecordingAuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media plan's rules on the record page flow, on a real database: what the shell is handed for each outcome. */
class MediaRecordsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource data;
    private TestRecordEvents events;
    private RecordingAuditLog audit;
    private MissionStore missions;
    private Mission paris;
    private Mission rome;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        events = TestRecordEvents.in(database);
        data = database.migrate("missions");
        audit = new RecordingAuditLog();
        missions = new MissionStore(data, Clock.systemUTC(), TestSync.none());
        paris = missions.create(mission("PAR", "بعثة باريس"), "chief");
        rome = missions.create(mission("ROM", "بعثة روما"), "chief");
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The editor as a node in {@code scope} (null: headquarters) has it; the registry is asked for select boxes only. */
    private MediaRecords records(String scope) {
        return new MediaRecords(new MediaService(new MediaStore(data, Clock.systemUTC()), missions, audit, events.service(), scope, CLOCK), null);
    }

    private static PageRequest as(String actor, Map<String, String> params) {
        Set<String> held = Set.of(MissionsPlugin.MEDIA_READ, MissionsPlugin.MEDIA_WRITE);
        return new PageRequest(List.of(), params, Language.EN, actor, "::1", held::contains);
    }

    private static PageRequest as(String actor) {
        return as(actor, Map.of());
    }

    private MediaActivity planned(MediaRecords records, Mission m, String title, LocalDate on) throws Exception {
        Outcome<MediaActivity> outcome = records.create(Map.of("mission", m.id(), "kind", "LECTURE", "title", title, "plannedOn", on.toString()),
                as("amina"));
        assertThat(outcome).isInstanceOf(Outcome.Saved.class);
        return ((Outcome.Saved<MediaActivity>) outcome).record();
    }

    @Test
    void aPlanRefusedNamesEachFieldAndStoresNothing() throws Exception {
        MediaRecords records = records(null);
        Map<String, String> hostile = new HashMap<>(Map.of("mission", "'; DROP TABLE media_activity; --", "kind", "SPEECH",
                "title", "ن".repeat(301), "plannedOn", "2026-02-30"));
        Outcome<MediaActivity> outcome = records.create(hostile, as("amina"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Invalid.class,
                invalid -> assertThat(invalid.errors()).containsOnlyKeys("mission", "kind", "title", "plannedOn"));
        assertThat(records.list(query(Map.of()), as("amina")).total()).isZero();
        assertThat(events.waiting()).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void aMissionNodePlansForItsOwnOfficeOnly() throws Exception {
        Outcome<MediaActivity> outcome = records("ROM").create(Map.of("mission", paris.id(), "kind", "LECTURE", "title", "محاضرة",
                "plannedOn", TODAY.toString()), as("omar"));
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Invalid.class,
                invalid -> assertThat(invalid.errors()).containsOnlyKeys("mission"));
        assertThat(planned(records("ROM"), rome, "محاضرة في روما", TODAY).missionCode()).isEqualTo("ROM");
    }

    @Test
    void anActivityPlannedThenReportedIsAnnouncedAndAuditedWithoutItsAccount() throws Exception {
        MediaRecords records = records(null);
        MediaActivity lecture = planned(records, paris, "محاضرة عن الثقافة العربية", TODAY);
        assertThat(lecture.version()).isEqualTo(1);
        assertThat(lecture.updatedBy()).isEqualTo("amina");

        Outcome<MediaActivity> noDay = records.update(lecture, 1, Map.of("status", "DONE", "audience", "150"), as("amina"));
        assertThat(noDay).isInstanceOfSatisfying(Outcome.Invalid.class, invalid -> assertThat(invalid.errors()).containsOnlyKeys("heldOn"));
        Outcome<MediaActivity> future = records.update(lecture, 1, Map.of("status", "DONE", "heldOn", TODAY.plusDays(1).toString(),
                "audience", "-3"), as("amina"));
        assertThat(future).isInstanceOfSatisfying(Outcome.Invalid.class,
                invalid -> assertThat(invalid.errors()).containsOnlyKeys("heldOn", "audience"));

        Outcome<MediaActivity> reported = records.update(lecture, 1, Map.of("status", "DONE", "heldOn", TODAY.toString(), "audience", "150",
                "report", "حضر الندوة السفير فلان"), as("hala"));
        assertThat(reported).isInstanceOfSatisfying(Outcome.Saved.class, saved -> {
            MediaActivity a = (MediaActivity) saved.record();
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.status()).isEqualTo(MediaActivity.Status.DONE);
            assertThat(a.updatedBy()).isEqualTo("hala");
        });
        assertThat(records.fields(records.find(lecture.id(), as("hala")).orElseThrow())).containsEntry("audience", "150")
                .containsEntry("heldOn", TODAY.toString()).containsEntry("status", "DONE");

        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", 2L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.state-changed", 2L));
        TestRecordEvents.Waiting changed = events.waiting().get(2);
        assertThat(changed.type()).isEqualTo(MediaService.EVENT_TYPE);
        assertThat(changed.actor()).isEqualTo("hala");
        assertThat(changed.body()).contains("\"from\":\"PLANNED\"", "\"to\":\"DONE\"", "\"audience\":150", "\"missionId\":\"" + paris.id())
                .doesNotContain("السفير فلان");
        assertThat(audit.actions()).containsExactly("missions.media.plan", "missions.media.report");
    }

    @Test
    void aReportFromAnOldVersionSaysWhoReportedSinceAndWhenAndStoresNothing() throws Exception {
        MediaRecords records = records(null);
        MediaActivity lecture = planned(records, paris, "محاضرة", TODAY);
        records.update(lecture, 1, Map.of("status", "CANCELLED"), as("hala"));

        Outcome<MediaActivity> late = records.update(lecture, 1, Map.of("status", "DONE", "heldOn", TODAY.toString()), as("omar"));

        assertThat(late).isInstanceOfSatisfying(Outcome.Stale.class, stale -> {
            MediaActivity now = (MediaActivity) stale.current();
            assertThat(stale.changedBy()).isEqualTo("hala");
            assertThat(stale.changedAt()).isEqualTo(now.updatedAt());
            assertThat(now.status()).isEqualTo(MediaActivity.Status.CANCELLED);
            assertThat(now.version()).isEqualTo(2);
        });
        assertThat(records.find(lecture.id(), as("omar")).orElseThrow().status()).isEqualTo(MediaActivity.Status.CANCELLED);
        // a refused report announces nothing: the plan and the first report only
        assertThat(events.waiting()).hasSize(3);
        assertThat(audit.actions()).containsExactly("missions.media.plan", "missions.media.report");
    }

    @Test
    void anActivityReceivedFromAMissionIsReadOnlyHereAndANewOneIsNot() throws Exception {
        MediaRecords records = records(null);
        MediaActivity lecture = planned(records, paris, "محاضرة", TODAY);
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE media_activity SET received_from = 'PAR'")) {
            s.executeUpdate();
        }
        MediaActivity received = records.find(lecture.id(), as("hq")).orElseThrow();

        assertThat(records.readOnlyHere(Optional.of(received))).contains("missions.sync.readOnly");
        assertThat(records.readOnlyHere(Optional.empty())).isEmpty();
        assertThat(records.readOnlyHere(Optional.of(lecture))).isEmpty();
    }

    @Test
    void theListIsTheYearsPlanOfEveryOfficeOrOneAndIgnoresAYearItCannotHold() throws Exception {
        MediaRecords records = records(null);
        planned(records, paris, "الأولى", TODAY.minusDays(20));
        planned(records, rome, "الثانية", TODAY.minusDays(10));
        planned(records, paris, "العام الماضي", TODAY.minusYears(1));

        assertThat(records.list(query(Map.of()), as("a")).items()).extracting(MediaActivity::title).containsExactly("الأولى", "الثانية");
        assertThat(records.list(query(Map.of("mission", rome.id())), as("a")).items()).extracting(MediaActivity::title)
                .containsExactly("الثانية");
        assertThat(records.list(query(Map.of("year", Integer.toString(TODAY.getYear() - 1))), as("a")).items())
                .extracting(MediaActivity::title).containsExactly("العام الماضي");
        for (String hostile : List.of("99999", "-2026", "٢٠٢٦x", "0x7E8", "1899")) {
            assertThat(records.list(query(Map.of("year", hostile)), as("a")).total()).as(hostile).isEqualTo(2);
        }
        ListQuery newestFirst = new ListQuery("", Map.of(), "plannedOn", true, 0, 1);
        assertThat(records.list(newestFirst, as("a")).items()).extracting(MediaActivity::title).containsExactly("الثانية");
        assertThat(records.list(new ListQuery("", Map.of(), "plannedOn", true, 5, 1), as("a")).items()).isEmpty();
        assertThat(records.view(records.list(query(Map.of()), as("a")).items().get(0), as("a"))).containsEntry("status", "PLANNED")
                .containsEntry("missionCode", "PAR");
        // a mission node reads its own office's plan only
        assertThat(records("ROM").list(query(Map.of()), as("a")).items()).extracting(MediaActivity::title).containsExactly("الثانية");
    }

    private static ListQuery query(Map<String, String> filters) {
        return new ListQuery("", filters, "plannedOn", false, 0, 200);
    }

    private static MissionDraft mission(String code, String name) {
        return new MissionDraft(code, MissionType.MISSION, "FR", "مدينة", LocalizedText.of(name, null, null), null, null, null, null,
                MissionStatus.ACTIVE, 30);
    }
}
