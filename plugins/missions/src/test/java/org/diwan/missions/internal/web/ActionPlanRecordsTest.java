package org.diwan.missions.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.diwan.api.i18n.Language;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.audit.internal.JdbcAuditLog;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.plan.ActionPlan;
import org.diwan.missions.internal.plan.ActionPlanService;
import org.diwan.missions.internal.plan.ActionPlanStore;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.missions.internal.sync.TestSync;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan of action's rules on the record page flow, on a real database: what the shell is handed for each outcome. */
class ActionPlanRecordsTest {

    private static final Clock JUNE_2026 = Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC);
    private static final SyncOutbox NOWHERE = new SyncOutbox() {
        @Override
        public void capture(Connection connection, SyncChange change) {
        }

        @Override
        public void captureDocument(Connection connection, String documentId, String missionCode) {
        }
    };

    @TempDir
    Path folder;
    private TestDatabase database;
    private DataSource missions;
    private TestRecordEvents events;
    private JdbcAuditLog audit;
    private ActionPlanRecords plans;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        audit = new JdbcAuditLog(database.migrate("audit"));
        events = TestRecordEvents.in(database);
        missions = database.migrate("missions");
        plans = records(TestSync.none());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private ActionPlanRecords records(MissionsSync sync) {
        return new ActionPlanRecords(new ActionPlanService(new ActionPlanStore(missions, JUNE_2026), sync, audit, events.service(), null, null,
                JUNE_2026));
    }

    private static PageRequest as(String actor, String... permissions) {
        Set<String> held = Set.of(permissions);
        return new PageRequest(List.of(), Map.of(), Language.AR, actor, "10.0.0.7", held::contains);
    }

    private static final PageRequest CHIEF = as("chief", MissionsPlugin.PLAN_READ, MissionsPlugin.PLAN_WRITE);

    private static ActionInput form(Map<String, String> fields) {
        return new ActionInput(fields, Optional.empty(), Optional.empty());
    }

    private static ActionInput onTask(String task, Map<String, String> fields) {
        return new ActionInput(fields, Optional.of(task), Optional.empty());
    }

    private ActionPlan plan() throws Exception {
        return plans.find("2026", CHIEF).orElseThrow();
    }

    private ActionPlan.Task withTask() throws Exception {
        assertThat(plans.act("objectives", plan(), form(Map.of("objective", "تعزيز التنسيق")), CHIEF)).isEqualTo(ActionOutcome.done("2026"));
        String objective = plan().objectives().get(0).id();
        assertThat(plans.act("tasks", plan(), form(Map.of("objectiveId", objective, "task", "ندوة في جنيف", "owner", "amina",
                "deadline", "2026-05-20")), CHIEF)).isEqualTo(ActionOutcome.done("2026"));
        return plan().tasks().get(0);
    }

    @Test
    void aPlanAnswersUnderItsYearOnlyAndAFarYearIsShownWithoutBeingMade() throws Exception {
        assertThat(plan().stored()).isTrue();
        assertThat(plans.id(plan())).isEqualTo("2026");
        for (String hostile : List.of("26", "02026", "٢٠٢٦", "2026abc", "../2026", "1899", "2201", "", "-2026", "2026 ")) {
            assertThat(plans.find(hostile, CHIEF)).as(hostile).isEmpty();
        }
        ActionPlan far = plans.find("2006", CHIEF).orElseThrow();
        assertThat(far.stored()).isFalse();
        ActionOutcome refused = plans.act("objectives", far, form(Map.of("objective", "هدف قديم")), CHIEF);
        assertThat(refused).isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(404));
        assertThat(plans.update(far, 0, Map.of("recommendations", "x"), CHIEF)).isInstanceOf(Outcome.Invalid.class);
        assertThat(plans.list(new org.diwan.api.web.record.ListQuery("", Map.of(), "year", true, 0, 25), CHIEF).items())
                .extracting(ActionPlan::year).containsExactly(2026);
    }

    @Test
    void eachFormIsRefusedPerFieldAndNothingIsWritten() throws Exception {
        assertThat(plans.act("objectives", plan(), form(Map.of("objective", "  ")), CHIEF))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.fields()).containsOnlyKeys("objective"));
        assertThat(plans.act("tasks", plan(), form(Map.of("objectiveId", "'; DROP TABLE plan_task; --", "task", "x", "owner", "y",
                "deadline", "2026-13-40")), CHIEF))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> {
                    assertThat(r.status()).isEqualTo(422);
                    assertThat(r.fields()).containsOnlyKeys("objectiveId", "deadline");
                });
        ActionPlan.Task task = withTask();
        assertThat(plans.act("tasks", plan(), onTask(task.id(), Map.of("version", "1", "progress", "140")), CHIEF))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.fields()).containsOnlyKeys("progress"));
        assertThat(plans.act("tasks", plan(), onTask("no-such-task", Map.of("version", "1", "progress", "40")), CHIEF))
                .isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> assertThat(r.status()).isEqualTo(404));
        assertThat(plans.update(plan(), plan().version(), Map.of("recommendations", "ت".repeat(8001)), CHIEF))
                .isInstanceOfSatisfying(Outcome.Invalid.class, i -> assertThat(i.errors()).containsOnlyKeys("recommendations"));
        assertThat(plan().tasks().get(0).progress()).isZero();
        assertThat(plan().recommendations()).isNull();
    }

    @Test
    void anEditFromAnOldVersionIsRefusedWithWhoChangedItAndWhen() throws Exception {
        ActionPlan.Task task = withTask();
        PageRequest amina = as("amina", MissionsPlugin.PLAN_READ, MissionsPlugin.PLAN_WRITE);
        assertThat(plans.act("tasks", plan(), onTask(task.id(), Map.of("version", "1", "progress", "100", "note", "عُقدت")), amina))
                .isEqualTo(ActionOutcome.done("2026"));
        ActionOutcome late = plans.act("tasks", plan(), onTask(task.id(), Map.of("version", "1", "progress", "50")), CHIEF);
        assertThat(late).isInstanceOfSatisfying(ActionOutcome.Refused.class, r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.messageKey()).isEqualTo("missions.conflict.by");
            assertThat(r.args()).first().isEqualTo("amina");
            assertThat(r.args().get(1).toString()).contains("٢٠٢٦");
        });
        assertThat(plan().tasks().get(0).progress()).isEqualTo(100);

        ActionPlan before = plan();
        assertThat(plans.update(before, before.version(), Map.of("recommendations", "توسيع الحضور في آسيا"), amina)).isInstanceOf(Outcome.Saved.class);
        Outcome<ActionPlan> stale = plans.update(before, before.version(), Map.of("recommendations", "غير ذلك"), CHIEF);
        assertThat(stale).isInstanceOfSatisfying(Outcome.Stale.class, s -> {
            assertThat(s.changedBy()).isEqualTo("amina");
            assertThat(s.changedAt()).isEqualTo(JUNE_2026.instant());
            assertThat(((ActionPlan) s.current()).recommendations()).isEqualTo("توسيع الحضور في آسيا");
        });
    }

    @Test
    void everyWritePublishesItsRecordEventInItsTransaction() throws Exception {
        ActionPlan.Task task = withTask();
        plans.act("tasks", plan(), onTask(task.id(), Map.of("version", "1", "progress", "60")), CHIEF);
        plans.update(plan(), plan().version(), Map.of("recommendations", "توصية"), CHIEF);
        assertThat(events.waiting()).extracting(TestRecordEvents.Waiting::address, TestRecordEvents.Waiting::type, TestRecordEvents.Waiting::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", "action-plan", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", "plan-objective", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.created", "plan-task", 1L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", "plan-task", 2L),
                        org.assertj.core.groups.Tuple.tuple("diwan.events.missions.changed", "action-plan", 2L));
        assertThat(events.waiting().get(3).body()).contains("\"progress\":60", "\"title\":\"ندوة في جنيف\"")
                // the task's owner is a member of staff: not for the bus
                .doesNotContain("amina");
        assertThat(events.waiting().get(4).body()).contains("\"year\":2026").doesNotContain("توصية");

    }

    @Test
    void aMissionReadsHeadquartersPlanAndWritesNothing() throws Exception {
        ActionPlanRecords onMission = records(TestSync.into(NOWHERE, NodeRole.MISSION, "PAR"));
        assertThat(onMission.readOnlyHere(Optional.empty())).contains("missions.sync.readOnly");
        ActionPlan nothingYet = onMission.find("2026", CHIEF).orElseThrow();
        assertThat(nothingYet.stored()).as("a mission makes no plan of its own").isFalse();
        assertThat(onMission.readOnlyHere(Optional.of(nothingYet))).contains("missions.sync.readOnly");
        assertThat(plans.readOnlyHere(Optional.empty())).as("plans are made by year, not from a form").contains("missions.plan.no-new");
        assertThat(plans.readOnlyHere(Optional.of(plan()))).isEmpty();
    }
}
