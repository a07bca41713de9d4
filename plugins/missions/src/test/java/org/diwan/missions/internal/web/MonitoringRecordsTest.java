package org.diwan.missions.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.diwan.api.node.NodeRole;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.PageRequest;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.monitoring.Criterion;
import org.diwan.missions.internal.monitoring.Evaluation;
import org.diwan.missions.internal.monitoring.MonitoringService;
import org.diwan.missions.internal.monitoring.ReportingStatus;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.diwan.testkit.RecordingAuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monitoring's rules on the record page flow, on a real database: evaluations recorded and approved as actions. */
class MonitoringRecordsTest {

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
        paris = missions.create(mission("PAR"), "chief");
        rome = missions.create(mission("ROM"), "chief");
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The editor at headquarters. */
    private MonitoringRecords headquarters() {
        return records(null, TestSync.none());
    }

    private MonitoringRecords records(String scope, MissionsSync sync) {
        return new MonitoringRecords(new MonitoringService(missions, data, audit, events.service(), scope, CLOCK, ChangeCapture.NONE), sync);
    }

    private static PageRequest as(String actor, List<String> path) {
        Set<String> held = Set.of(MissionsPlugin.MONITORING_READ, MissionsPlugin.MONITORING_WRITE, MissionsPlugin.MONITORING_APPROVE);
        return new PageRequest(path, Map.of(), Language.AR, actor, "::1", held::contains);
    }

    private static PageRequest as(String actor) {
        return as(actor, List.of());
    }

    private static Map<String, String> evaluation(String period) {
        Map<String, String> form = new HashMap<>(Map.of("period", period, "evaluatedOn", TODAY.toString(), "comments", "تقارير منتظمة"));
        for (Criterion c : Criterion.values()) {
            form.put("score." + c.name(), "4");
            form.put("comment." + c.name(), "جيد");
        }
        return form;
    }

    private static ActionInput form(Map<String, String> fields) {
        return new ActionInput(fields, Optional.empty(), Optional.empty());
    }

    private static ActionInput approve(Evaluation e, int version) {
        return new ActionInput(Map.of("version", Integer.toString(version)), Optional.of(e.id()), Optional.empty());
    }

    private ReportingStatus office(MonitoringRecords records, Mission m) throws Exception {
        return records.find(m.id(), as("chief", List.of(m.id()))).orElseThrow();
    }

    private Evaluation only(MonitoringService service, Mission m) throws Exception {
        return service.evaluations(m).get(0);
    }

    @Test
    void anEvaluationRefusedNamesEachFieldAndStoresNothing() throws Exception {
        MonitoringRecords records = headquarters();
        Map<String, String> hostile = evaluation("2026-H2");
        hostile.remove("score.COMMUNITY_OUTREACH");
        hostile.put("score.MEDIA_ACTIVITY", "6");
        hostile.put("score.STAFF_MANAGEMENT", "٤");
        hostile.put("evaluatedOn", TODAY.plusDays(1).toString());
        hostile.put("period", "x".repeat(17));

        ActionOutcome outcome = records.act(MonitoringRecords.EVALUATIONS, office(records, paris), form(hostile), as("chief"));

        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.fields()).containsKeys("score.COMMUNITY_OUTREACH", "score.MEDIA_ACTIVITY", "evaluatedOn", "period");
        });
        assertThat(records.details(office(records, paris), as("chief")).get("evaluations")).asList().isEmpty();
        assertThat(events.waiting()).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void anEvaluationRecordedThenApprovedIsAnnouncedWithoutItsScoresOrComments() throws Exception {
        MonitoringRecords records = headquarters();
        MonitoringService service = new MonitoringService(missions, data, audit, events.service(), null, CLOCK, ChangeCapture.NONE);

        assertThat(records.act(MonitoringRecords.EVALUATIONS, office(records, paris), form(evaluation("2026-H2")), as("chief")))
                .isEqualTo(new ActionOutcome.DoneAt(paris.id(), MonitoringRecords.EVALUATIONS));
        Evaluation draft = only(service, paris);
        assertThat(draft.updatedBy()).isEqualTo("chief");
        assertThat(records.act(MonitoringRecords.APPROVE, office(records, paris), approve(draft, 1), as("director")))
                .isEqualTo(new ActionOutcome.DoneAt(paris.id(), MonitoringRecords.EVALUATIONS));
        assertThat(only(service, paris).approved()).isTrue();

        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", 2L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.state-changed", 2L));
        TestRecordEvents.Waiting approved = events.waiting().get(2);
        assertThat(approved.type()).isEqualTo(MonitoringService.EVENT_TYPE);
        assertThat(approved.actor()).isEqualTo("director");
        assertThat(approved.body()).contains("\"from\":\"DRAFT\"", "\"to\":\"APPROVED\"", "\"missionCode\":\"PAR\"", "\"period\":\"2026-H2\"")
                .doesNotContain("تقارير منتظمة", "جيد", "score");
        assertThat(audit.actions()).containsExactly("missions.evaluation.create", "missions.evaluation.approve");
    }

    @Test
    void anApprovalFromAnOldVersionSaysWhoApprovedItAndWhenAndChangesNothing() throws Exception {
        MonitoringRecords records = headquarters();
        MonitoringService service = new MonitoringService(missions, data, audit, events.service(), null, CLOCK, ChangeCapture.NONE);
        records.act(MonitoringRecords.EVALUATIONS, office(records, paris), form(evaluation("2026-H2")), as("chief"));
        Evaluation draft = only(service, paris);
        records.act(MonitoringRecords.APPROVE, office(records, paris), approve(draft, 1), as("director"));

        ActionOutcome again = records.act(MonitoringRecords.APPROVE, office(records, paris), approve(draft, 1), as("deputy"));

        Evaluation now = only(service, paris);
        assertThat(again).isEqualTo(new ActionOutcome.Refused(409, "missions.conflict.by",
                List.of("director", as("deputy").dateTime(now.updatedAt())), Map.of()));
        assertThat(now.version()).isEqualTo(2);
        assertThat(events.waiting()).hasSize(3);
        assertThat(audit.actions()).containsExactly("missions.evaluation.create", "missions.evaluation.approve");
    }

    @Test
    void anEvaluationOfAnotherOfficeOrOfNoneIsNotFound() throws Exception {
        MonitoringRecords records = headquarters();
        MonitoringService service = new MonitoringService(missions, data, audit, events.service(), null, CLOCK, ChangeCapture.NONE);
        records.act(MonitoringRecords.EVALUATIONS, office(records, paris), form(evaluation("2026-H2")), as("chief"));
        Evaluation ofParis = only(service, paris);

        for (ActionInput wrong : List.of(approve(ofParis, 1), new ActionInput(Map.of("version", "1"), Optional.of("' OR 1=1 --"),
                Optional.empty()))) {
            ActionOutcome outcome = records.act(MonitoringRecords.APPROVE, office(records, rome), wrong, as("director"));
            assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Refused.class, refused -> assertThat(refused.status()).isEqualTo(404));
        }
        assertThat(only(service, paris).approved()).isFalse();
        assertThat(events.waiting()).hasSize(1);
    }

    @Test
    void evaluationsAreHeadquartersAndAnOfficeHasNoFormOfItsOwn() throws Exception {
        MonitoringRecords hq = headquarters();
        MonitoringRecords mission = records("PAR", TestSync.into(noOutbox(), NodeRole.MISSION, "PAR"));

        assertThat(hq.readOnlyHere(Optional.of(office(hq, paris)))).isEmpty();
        assertThat(hq.spec().hasForm()).as("an office is added in the registry: no new or edit page here").isFalse();
        assertThat(mission.readOnlyHere(Optional.of(office(mission, paris)))).contains("missions.sync.readOnly");
        assertThat(hq.find("no-such-office", as("chief", List.of("no-such-office")))).isEmpty();
        // a mission node sees its own office only
        assertThat(mission.find(rome.id(), as("chief", List.of(rome.id())))).isEmpty();
        assertThat(mission.list(query(), as("chief")).items()).extracting(s -> s.mission().code()).containsExactly("PAR");
        assertThat(mission.choices(as("chief", List.of(paris.id())))).containsEntry("fromHq", true).containsEntry("canApprove", false);
    }

    @Test
    void theDashboardListsEveryActiveOfficeWithItsStateInTheReadersDigits() throws Exception {
        MonitoringRecords records = headquarters();
        List<ReportingStatus> offices = records.list(query(), as("chief")).items();
        assertThat(offices).extracting(s -> s.mission().code()).containsExactlyInAnyOrder("PAR", "ROM");
        Map<String, Object> row = records.view(offices.get(0), as("chief"));
        assertThat(row).containsKeys("mission", "country", "lastReport", "due", "daysLate", "reportsInYear", "overdue")
                .containsEntry("reportsInYear", "٠");
        assertThat(records.choices(as("chief"))).containsEntry("overdueCount", 0L).containsEntry("regularCount", 2L);
    }

    private static org.diwan.api.sync.SyncOutbox noOutbox() {
        return new org.diwan.api.sync.SyncOutbox() {
            @Override
            public void capture(java.sql.Connection connection, org.diwan.api.sync.SyncChange change) {
            }

            @Override
            public void captureDocument(java.sql.Connection connection, String documentId, String missionCode) {
            }
        };
    }

    private static ListQuery query() {
        return new ListQuery("", Map.of(), "late", false, 0, 200);
    }

    private static MissionDraft mission(String code) {
        return new MissionDraft(code, MissionType.MISSION, "FR", "مدينة", LocalizedText.of("بعثة " + code, null, null), null, null, null, null,
                MissionStatus.ACTIVE, 30);
    }
}
