package org.diwan.missions.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceDraft;
import org.diwan.missions.internal.correspondence.CorrespondenceQuery;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.correspondence.FollowUp;
import org.diwan.missions.internal.correspondence.FollowUpStatus;
import org.diwan.missions.internal.media.MediaActivity;
import org.diwan.missions.internal.monitoring.Criterion;
import org.diwan.missions.internal.monitoring.Evaluation;
import org.diwan.missions.internal.monitoring.MonitoringStore;
import org.diwan.missions.internal.media.MediaStore;
import org.diwan.missions.internal.plan.ActionPlan;
import org.diwan.missions.internal.plan.ActionPlanStore;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The department's record types between two real Derby databases, one per node: what headquarters' stores
 * capture is what a mission's types apply, and the other way round.
 */
class MissionsSyncTest {

    record Node(String nodeId, NodeRole role, Optional<String> missionCode) implements NodeInfo {
    }

    /** The outbox as a list; documents are noted as changes of type {@code sync.document}. */
    record ListOutbox(List<SyncChange> changes) implements SyncOutbox {
        @Override
        public void capture(java.sql.Connection connection, SyncChange change) {
            changes.add(change);
        }

        @Override
        public void captureDocument(java.sql.Connection connection, String documentId, String missionCode) {
            changes.add(new SyncChange("sync.document", documentId, 1, missionCode, ""));
        }
    }

    @TempDir
    Path folder;

    private TestDatabase hqDatabase;
    private TestDatabase missionDatabase;
    private DataSource hq;
    private DataSource mission;
    private final List<SyncChange> fromHq = new ArrayList<>();
    private final List<SyncChange> fromMission = new ArrayList<>();
    private MissionsSync hqSync;
    private MissionsSync missionSync;
    private MissionStore hqMissions;
    private CorrespondenceStore missionLetters;
    private CorrespondenceStore hqLetters;

    @BeforeEach
    void open() throws Exception {
        hqDatabase = TestDatabase.create(folder.resolve("hq"));
        missionDatabase = TestDatabase.create(folder.resolve("mission"));
        hq = hqDatabase.migrate("missions");
        mission = missionDatabase.migrate("missions");
        hqSync = TestSync.into(new ListOutbox(fromHq), NodeRole.HQ, null);
        missionSync = TestSync.into(new ListOutbox(fromMission), NodeRole.MISSION, "TUN");
        hqMissions = new MissionStore(hq, Clock.systemUTC(), hqSync);
        missionLetters = new CorrespondenceStore(mission, Clock.systemUTC(), missionSync::correspondenceChanged, missionSync::attachmentAdded,
                missionSync::followUpChanged);
        hqLetters = new CorrespondenceStore(hq, Clock.systemUTC(), hqSync::correspondenceChanged, hqSync::attachmentAdded,
                hqSync::followUpChanged);
    }

    @AfterEach
    void close() {
        hqDatabase.close();
        missionDatabase.close();
    }

    @Test
    void theDirectoryAndItsEditsReachTheMissionOnceEach() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        hqMissions.update(tunis.id(), 1, draft("TUN", "بعثة الجامعة في تونس"), "chief");
        assertThat(fromHq).extracting(SyncChange::version).containsExactly(1L, 2L);
        assertThat(fromHq).allSatisfy(c -> assertThat(c.missionCode()).isNull());

        SyncedType directory = TestSync.type(MissionsSync.MISSIONS, mission);
        assertThat(directory.apply(fromHq.get(1))).isEqualTo(Applied.APPLIED);
        assertThat(directory.apply(fromHq.get(0))).as("an older version arriving late").isEqualTo(Applied.STALE);
        assertThat(directory.apply(fromHq.get(1))).as("a duplicate").isEqualTo(Applied.STALE);

        Mission copy = new MissionStore(mission, Clock.systemUTC(), TestSync.none()).get(tunis.id()).orElseThrow();
        assertThat(copy.name().ar()).isEqualTo("بعثة الجامعة في تونس");
        assertThat(copy.version()).isEqualTo(2);
        assertThat(copy.updatedAt()).isEqualTo(hqMissions.get(tunis.id()).orElseThrow().updatedAt());
    }

    @Test
    void aMissionsCorrespondenceReachesHeadquartersReadOnlyAndItsEditsFollow() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        TestSync.type(MissionsSync.MISSIONS, mission).apply(fromHq.get(0));
        SyncedType letters = TestSync.type(MissionsSync.LETTERS, hq);

        Correspondence sent = missionLetters.create(letter(tunis, "تقرير عن الجالية العربية"), "amina");
        missionLetters.update(sent.id(), 1, letter(tunis, "تقرير عن الجالية العربية (منقح)"), "amina");
        assertThat(fromMission).extracting(SyncChange::missionCode).containsOnly("TUN");

        assertThat(letters.apply(fromMission.get(0))).isEqualTo(Applied.APPLIED);
        assertThat(letters.apply(fromMission.get(1))).isEqualTo(Applied.APPLIED);
        assertThat(letters.apply(fromMission.get(0))).isEqualTo(Applied.STALE);
        Correspondence copy = hqLetters.get(sent.id(), null).orElseThrow();
        assertThat(copy.subject()).isEqualTo("تقرير عن الجالية العربية (منقح)");
        assertThat(copy.version()).isEqualTo(2);
        assertThat(copy.receivedFrom()).isEqualTo("TUN");
        assertThat(copy.editableHere()).isFalse();
        assertThat(fromMission.get(1).payload()).as("derived, not carried").doesNotContain("search_key");
        assertThat(hqLetters.find(CorrespondenceQuery.from(java.util.Map.of("q", "الجاليه العربيه"), null)).items())
                .as("headquarters folds the copy's text for its own search").extracting(Correspondence::id).containsExactly(sent.id());

        assertThatThrownBy(() -> hqLetters.update(sent.id(), 2, letter(tunis, "edited at headquarters"), "hq-clerk"))
                .as("headquarters cannot edit a mission's record").isInstanceOf(StaleEditException.class);
        assertThat(fromHq).hasSize(1);
    }

    @Test
    void correspondenceWaitsForItsMissionAndIsRefusedFromAnotherMission() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        TestSync.type(MissionsSync.MISSIONS, mission).apply(fromHq.get(0));
        Correspondence sent = missionLetters.create(letter(tunis, "رسالة"), "amina");
        SyncChange change = fromMission.get(0);

        DataSource emptyHq = TestDatabase.create(folder.resolve("empty")).migrate("missions");
        assertThat(TestSync.type(MissionsSync.LETTERS, emptyHq).apply(change)).isEqualTo(Applied.DEFERRED);

        SyncChange forged = new SyncChange(change.type(), change.recordId(), change.version(), "EGY", change.payload());
        assertThatThrownBy(() -> TestSync.type(MissionsSync.LETTERS, hq).apply(forged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sent by mission EGY");
        SyncChange wrongRecord = new SyncChange(change.type(), "00000000-0000-0000-0000-000000000000", 1, "TUN", change.payload());
        assertThatThrownBy(() -> TestSync.type(MissionsSync.LETTERS, hq).apply(wrongRecord)).isInstanceOf(IllegalArgumentException.class);
        SyncChange notJson = new SyncChange(change.type(), sent.id(), 1, "TUN", "{not json");
        assertThatThrownBy(() -> TestSync.type(MissionsSync.LETTERS, hq).apply(notJson)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hqLetters.get(sent.id(), null)).isEmpty();
    }

    @Test
    void aBatchIsStoredInOneTransactionAndARefusedOneStoresNothing() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        TestSync.type(MissionsSync.MISSIONS, mission).apply(fromHq.get(0));
        for (int i = 0; i < 5; i++) {
            missionLetters.create(letter(tunis, "تقرير " + i), "amina");
        }
        SyncedType letters = TestSync.type(MissionsSync.LETTERS, hq);
        SyncChange bad = new SyncChange(MissionsSync.CORRESPONDENCE, fromMission.get(4).recordId(), 1, "TUN", "{\"id\": 7}");
        List<SyncChange> withBad = new ArrayList<>(fromMission.subList(0, 4));
        withBad.add(bad);
        assertThatThrownBy(() -> letters.applyAll(withBad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hqLetters.get(fromMission.get(0).recordId(), null)).as("nothing of a refused batch is kept").isEmpty();

        assertThat(letters.applyAll(fromMission)).containsOnly(Applied.APPLIED).hasSize(5);
        assertThat(letters.applyAll(fromMission)).containsOnly(Applied.STALE);
    }

    @Test
    void aMissionsMediaActivityAndItsReportReachHeadquartersReadOnly() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        TestSync.type(MissionsSync.MISSIONS, mission).apply(fromHq.get(0));
        MediaStore missionMedia = new MediaStore(mission, Clock.systemUTC(), missionSync::mediaActivityChanged);
        MediaStore hqMedia = new MediaStore(hq, Clock.systemUTC(), hqSync::mediaActivityChanged);

        String id = missionMedia.plan(tunis.id(), MediaActivity.Kind.LECTURE, "محاضرة عن الجامعة العربية", LocalDate.of(2026, 12, 3), "amina");
        missionMedia.report(id, 1, MediaActivity.Status.DONE, LocalDate.of(2026, 12, 3), 120, "حضرها طلاب الجامعة", "amina");
        assertThat(fromMission).extracting(SyncChange::type, SyncChange::version, SyncChange::missionCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MissionsSync.MEDIA, 1L, "TUN"), org.assertj.core.groups.Tuple.tuple(MissionsSync.MEDIA, 2L, "TUN"));

        SyncedType activities = TestSync.type(MissionsSync.MEDIA_ACTIVITIES, hq);
        assertThat(activities.owner()).isEqualTo(NodeRole.MISSION);
        assertThat(activities.applyAll(List.of(fromMission.get(1), fromMission.get(0)))).as("the newer version first, then the older one")
                .containsExactly(Applied.APPLIED, Applied.STALE);
        MediaActivity copy = hqMedia.get(id, null).orElseThrow();
        assertThat(copy.status()).isEqualTo(MediaActivity.Status.DONE);
        assertThat(copy.audience()).isEqualTo(120);
        assertThat(copy.report()).isEqualTo("حضرها طلاب الجامعة");
        assertThat(copy.receivedFrom()).isEqualTo("TUN");
        assertThat(copy.editableHere()).isFalse();
        assertThatThrownBy(() -> hqMedia.report(id, 2, MediaActivity.Status.CANCELLED, null, null, null, "hq-clerk"))
                .as("headquarters cannot report on a mission's activity").isInstanceOf(StaleEditException.class);
        assertThat(fromHq).as("nothing goes back").hasSize(1);

        SyncChange forged = new SyncChange(MissionsSync.MEDIA, id, 3, "EGY", fromMission.get(1).payload().replace("\"version\":2", "\"version\":3"));
        assertThatThrownBy(() -> activities.apply(forged)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sent by mission EGY");
        List<SyncChange> exported = new ArrayList<>();
        TestSync.type(MissionsSync.MEDIA_ACTIVITIES, mission).export("TUN", exported::add);
        assertThat(exported).extracting(SyncChange::recordId, SyncChange::version).containsExactly(org.assertj.core.groups.Tuple.tuple(id, 2L));
    }

    @Test
    void anApprovedEvaluationReachesTheMissionItEvaluatesWithItsScores() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        TestSync.type(MissionsSync.MISSIONS, mission).apply(fromHq.get(0));
        MonitoringStore hqMonitoring = new MonitoringStore(hq, hqMissions, Clock.systemUTC(), hqSync::evaluationApproved);
        Map<Criterion, Evaluation.Score> scores = new java.util.EnumMap<>(Criterion.class);
        scores.put(Criterion.values()[0], new Evaluation.Score(4, "تقارير منتظمة"));
        scores.put(Criterion.values()[1], new Evaluation.Score(2, null));
        Evaluation draft = hqMonitoring.addEvaluation(tunis.id(), "2026-H2", LocalDate.of(2026, 11, 20), "تقييم نصف سنوي", scores, "evaluator");
        assertThat(fromHq).as("a draft stays at headquarters").hasSize(1);
        hqMonitoring.approve(draft.id(), 1, "director");
        SyncChange approved = fromHq.get(1);
        assertThat(approved.type()).isEqualTo(MissionsSync.EVALUATION);
        assertThat(approved.missionCode()).as("sent to the mission it evaluates only").isEqualTo("TUN");

        SyncedType evaluations = TestSync.type(MissionsSync.EVALUATIONS, mission);
        assertThat(evaluations.apply(approved)).isEqualTo(Applied.APPLIED);
        assertThat(evaluations.apply(approved)).isEqualTo(Applied.STALE);
        Evaluation copy = new MonitoringStore(mission, new MissionStore(mission, Clock.systemUTC(), TestSync.none()), Clock.systemUTC())
                .evaluations(tunis.id()).get(0);
        assertThat(copy.approved()).isTrue();
        assertThat(copy.comments()).isEqualTo("تقييم نصف سنوي");
        assertThat(copy.scores()).isEqualTo(scores);

        assertThatThrownBy(() -> evaluations.apply(new SyncChange(approved.type(), approved.recordId(), 3, "TUN",
                approved.payload().replace("\"APPROVED\"", "\"DRAFT\"").replace("\"version\":2", "\"version\":3"))))
                .as("a draft never travels").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only approved");
        assertThatThrownBy(() -> evaluations.apply(new SyncChange(approved.type(), approved.recordId(), 3, "EGY",
                approved.payload().replace("\"version\":2", "\"version\":3"))))
                .as("addressed to another mission").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EGY");
        assertThatThrownBy(() -> evaluations.apply(new SyncChange(approved.type(), approved.recordId(), 3, "TUN",
                approved.payload().replace("\"version\":2", "\"version\":3").replace(Criterion.values()[0].name(), "NOT_A_CRITERION"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT_A_CRITERION");
        assertThat(new MonitoringStore(mission, new MissionStore(mission, Clock.systemUTC(), TestSync.none()), Clock.systemUTC()).evaluations(tunis.id())
                .get(0).scores()).as("a refused change keeps the stored scores").isEqualTo(scores);

        DataSource emptyMission = TestDatabase.create(folder.resolve("empty-mission")).migrate("missions");
        assertThat(TestSync.type(MissionsSync.EVALUATIONS, emptyMission).apply(approved)).as("waits for the directory").isEqualTo(Applied.DEFERRED);
        List<SyncChange> exported = new ArrayList<>();
        TestSync.type(MissionsSync.EVALUATIONS, hq).export("TUN", exported::add);
        assertThat(exported).extracting(SyncChange::recordId, SyncChange::version).containsExactly(
                org.assertj.core.groups.Tuple.tuple(draft.id(), 2L));
    }

    @Test
    void thePlanOfActionReachesEveryMissionRowByRowAndReplacesAnEmptyLocalPlan() throws Exception {
        ActionPlanStore hqPlans = new ActionPlanStore(hq, Clock.systemUTC(),
                new ActionPlanStore.Captures(hqSync::planChanged, hqSync::planObjectiveChanged, hqSync::planTaskChanged));
        ActionPlanStore missionPlans = new ActionPlanStore(mission, Clock.systemUTC());
        ActionPlan madeBeforeSync = missionPlans.forYear(2026, "amina");

        ActionPlan plan = hqPlans.forYear(2026, "chief");
        String objective = hqPlans.addObjective(plan, "تعزيز التنسيق مع البعثات");
        String task = hqPlans.addTask(objective, "زيارة ميدانية", "إدارة البعثات", LocalDate.of(2026, 12, 15), "chief");
        hqPlans.progress(task, 1, 40, "بدأ التحضير", "chief");
        hqPlans.recommendations(hqPlans.forYear(2026, "chief"), 1, "توصيات للأمين العام المساعد", "chief");
        assertThat(fromHq).extracting(SyncChange::type).containsExactly(MissionsSync.PLAN, MissionsSync.PLAN_OBJECTIVE, MissionsSync.PLAN_TASK,
                MissionsSync.PLAN_TASK, MissionsSync.PLAN);
        assertThat(fromHq).allSatisfy(c -> assertThat(c.missionCode()).as("to every mission").isNull());

        SyncedType tasks = TestSync.type(MissionsSync.TASKS, mission);
        assertThat(tasks.apply(fromHq.get(2))).as("before its objective").isEqualTo(Applied.DEFERRED);
        assertThat(TestSync.type(MissionsSync.OBJECTIVES, mission).apply(fromHq.get(1))).as("before its plan").isEqualTo(Applied.DEFERRED);
        SyncedType plans = TestSync.type(MissionsSync.PLANS, mission);
        assertThat(plans.applyAll(List.of(fromHq.get(0), fromHq.get(4)))).containsExactly(Applied.APPLIED, Applied.APPLIED);
        assertThat(TestSync.type(MissionsSync.OBJECTIVES, mission).apply(fromHq.get(1))).isEqualTo(Applied.APPLIED);
        assertThat(tasks.applyAll(List.of(fromHq.get(2), fromHq.get(3)))).containsExactly(Applied.APPLIED, Applied.APPLIED);
        assertThat(tasks.apply(fromHq.get(2))).isEqualTo(Applied.STALE);

        ActionPlan copy = missionPlans.find(2026).orElseThrow();
        assertThat(copy.id()).as("headquarters' plan, not the empty one made here").isEqualTo(plan.id()).isNotEqualTo(madeBeforeSync.id());
        assertThat(copy.recommendations()).isEqualTo("توصيات للأمين العام المساعد");
        assertThat(copy.objectives()).singleElement().satisfies(o -> {
            assertThat(o.title()).isEqualTo("تعزيز التنسيق مع البعثات");
            assertThat(o.tasks()).singleElement().satisfies(t -> {
                assertThat(t.progress()).isEqualTo(40);
                assertThat(t.note()).isEqualTo("بدأ التحضير");
                assertThat(t.version()).isEqualTo(2);
            });
        });
    }

    @Test
    void aPlanMadeOnTheMissionWithObjectivesIsNotOverwritten() throws Exception {
        ActionPlanStore missionPlans = new ActionPlanStore(mission, Clock.systemUTC());
        missionPlans.addObjective(missionPlans.forYear(2026, "amina"), "هدف محلي");
        new ActionPlanStore(hq, Clock.systemUTC(), new ActionPlanStore.Captures(hqSync::planChanged, hqSync::planObjectiveChanged,
                hqSync::planTaskChanged)).forYear(2026, "chief");
        assertThatThrownBy(() -> TestSync.type(MissionsSync.PLANS, mission).apply(fromHq.get(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another plan for 2026");
        assertThat(missionPlans.find(2026).orElseThrow().objectives()).hasSize(1);
    }

    @Test
    void aMissionsFollowUpActionsReachHeadquartersAfterTheirCorrespondenceReadOnly() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        TestSync.type(MissionsSync.MISSIONS, mission).apply(fromHq.get(0));
        Correspondence letter = missionLetters.create(letter(tunis, "طلب موعد مع وزير الخارجية"), "amina");
        FollowUp action = missionLetters.addFollowUp(letter.id(), "متابعة الطلب مع المراسم", "السفير", LocalDate.of(2026, 12, 1), "amina");
        missionLetters.setFollowUpStatus(action.id(), 1, FollowUpStatus.DONE, "amina");
        assertThat(fromMission).extracting(SyncChange::type).containsExactly(MissionsSync.CORRESPONDENCE, MissionsSync.FOLLOW_UP,
                MissionsSync.FOLLOW_UP);
        assertThat(fromMission.get(2).missionCode()).isEqualTo("TUN");

        SyncedType followUps = TestSync.type(MissionsSync.FOLLOW_UPS, hq);
        assertThat(followUps.owner()).isEqualTo(NodeRole.MISSION);
        assertThat(followUps.apply(fromMission.get(1))).as("before its correspondence").isEqualTo(Applied.DEFERRED);
        TestSync.type(MissionsSync.LETTERS, hq).apply(fromMission.get(0));
        assertThat(followUps.applyAll(List.of(fromMission.get(1), fromMission.get(2)))).containsExactly(Applied.APPLIED, Applied.APPLIED);
        FollowUp copy = hqLetters.followUps(letter.id()).get(0);
        assertThat(copy.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(copy.receivedFrom()).isEqualTo("TUN");
        assertThat(copy.editableHere()).isFalse();
        assertThatThrownBy(() -> hqLetters.setFollowUpStatus(action.id(), 2, FollowUpStatus.OPEN, "hq-clerk"))
                .as("headquarters cannot change a mission's follow-up").isInstanceOf(StaleEditException.class);

        SyncChange forged = new SyncChange(MissionsSync.FOLLOW_UP, action.id(), 3, "EGY",
                fromMission.get(2).payload().replace("\"version\":2", "\"version\":3"));
        assertThatThrownBy(() -> followUps.apply(forged)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sent by mission EGY");
        List<SyncChange> exported = new ArrayList<>();
        TestSync.type(MissionsSync.FOLLOW_UPS, mission).export("TUN", exported::add);
        assertThat(exported).extracting(SyncChange::recordId, SyncChange::version, SyncChange::missionCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(action.id(), 2L, "TUN"));
    }

    @Test
    void exportGivesEachRecordAtItsCurrentVersion() throws Exception {
        Mission tunis = hqMissions.create(draft("TUN", "بعثة تونس"), "chief");
        hqMissions.update(tunis.id(), 1, draft("TUN", "بعثة تونس"), "chief");
        hqMissions.create(draft("CAI", "بعثة القاهرة"), "chief");
        List<SyncChange> exported = new ArrayList<>();
        TestSync.type(MissionsSync.MISSIONS, hq).export("TUN", exported::add);
        assertThat(exported).extracting(SyncChange::recordId, SyncChange::version)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(tunis.id(), 2L),
                        org.assertj.core.groups.Tuple.tuple(hqMissions.byCode("CAI").orElseThrow().id(), 1L));
    }

    private static MissionDraft draft(String code, String name) {
        return new MissionDraft(code, MissionType.MISSION, "TN", "تونس", LocalizedText.of(name, null, null), null, null, null, null,
                MissionStatus.ACTIVE, 30);
    }

    private static CorrespondenceDraft letter(Mission m, String subject) {
        return new CorrespondenceDraft(m.id(), Counterpart.HEADQUARTERS, null, Classification.POLITICAL, "TN", "TUN/1",
                LocalDate.of(2026, 11, 20), null, subject, "ملخص", CorrespondenceStatus.OPEN);
    }
}
