package org.diwan.workflows.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.diwan.api.calendar.WorkingCalendar;
import org.diwan.api.security.Actor;
import org.diwan.api.workflow.Due;
import org.diwan.api.workflow.FireOutcome;
import org.diwan.api.workflow.HistoryEntry;
import org.diwan.api.workflow.Transition;
import org.diwan.api.workflow.WorkflowDefinition;
import org.diwan.api.workflow.WorkflowProvider;
import org.diwan.api.workflow.WorkflowState;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow service on a real Derby database, with a helpdesk ticket's workflow. */
class JdbcWorkflowsTest {

    static final String TICKET = "helpdesk.ticket";
    static final String ASSIGN = "helpdesk:ticket:assign";
    static final String WORK = "helpdesk:ticket:work";
    static final String READ = "helpdesk:ticket:read";
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    /** Thursday 10 December 2026, 14:00 in Riyadh: one working hour left before the Friday/Saturday weekend. */
    static final Instant THURSDAY_14H = ZonedDateTime.of(2026, 12, 10, 14, 0, 0, 0, RIYADH).toInstant();

    static final WorkflowDefinition TICKETS = WorkflowDefinition.builder(TICKET)
            .states("new", "assigned", "waiting", "resolved", "closed").initial("new").finals("closed")
            .transition("assign", ASSIGN, "assigned", Due.workingHours(2), "new")
            .transition("ask", WORK, "waiting", Due.workingDays(1), "assigned")
            .transition("resolve", WORK, "resolved", null, "assigned", "waiting")
            .transition("close", WORK, "closed", null, "resolved")
            .commented("reopen", READ, "assigned", null, "resolved")
            .build();

    static final Actor LAILA = new Actor("laila", "10.0.0.7");
    static final Actor OMAR = new Actor("omar", "10.0.0.8");
    static final Predicate<String> EVERYTHING = p -> true;

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource data;
    private JdbcWorkflows workflows;
    private final WorkflowProvider provider = () -> List.of(TICKETS);

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        data = database.migrate("workflows");
        workflows = new JdbcWorkflows(data, () -> WorkingCalendar.defaults(RIYADH), Clock.fixed(THURSDAY_14H, RIYADH));
        workflows.addProvider(provider, Map.of("diwan.plugin", "helpdesk"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aTicketGoesThroughItsLifeAndTheHistorySaysWhoWhenAndWhy() throws Exception {
        start("T-1", LAILA);
        assertThat(fire("T-1", "assign", LAILA, null, 1)).isInstanceOf(FireOutcome.Moved.class);
        fire("T-1", "resolve", OMAR, null, 2);
        FireOutcome reopened = fire("T-1", "reopen", LAILA, "  still broken: ١ < ٢  ", 3);

        assertThat(((FireOutcome.Moved) reopened).state().state()).isEqualTo("assigned");
        WorkflowState state = workflows.state(TICKET, "T-1").orElseThrow();
        assertThat(state.step()).isEqualTo(4);
        assertThat(state.changedBy()).isEqualTo("laila");
        List<HistoryEntry> history = workflows.history(TICKET, "T-1");
        assertThat(history).extracting(HistoryEntry::step).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history.get(0).fromState()).isEmpty();
        assertThat(history.get(0).to()).isEqualTo("new");
        assertThat(history.get(2)).extracting(HistoryEntry::from, HistoryEntry::to, HistoryEntry::transition, HistoryEntry::actor)
                .containsExactly("assigned", "resolved", "resolve", "omar");
        assertThat(history.get(3).comment()).isEqualTo("still broken: ١ < ٢");
        assertThat(history.get(3).at()).isEqualTo(THURSDAY_14H);
    }

    @Test
    void everyRefusalChangesNothingAndSaysWhy() throws Exception {
        start("T-2", LAILA);
        assertThat(fire("T-2", "assign", OMAR, p -> !p.equals(ASSIGN), null, 1))
                .isEqualTo(new FireOutcome.NotPermitted(ASSIGN));
        assertThat(fire("T-2", "resolve", OMAR, null, 1)).isEqualTo(new FireOutcome.NotAllowedFrom("new"));
        fire("T-2", "assign", OMAR, null, 1);
        fire("T-2", "resolve", OMAR, null, 2);
        assertThat(fire("T-2", "reopen", LAILA, "   ", 3)).isInstanceOf(FireOutcome.CommentRequired.class);
        FireOutcome stale = fire("T-2", "close", LAILA, null, 2);
        assertThat(stale).isInstanceOf(FireOutcome.Stale.class);
        assertThat(((FireOutcome.Stale) stale).changedBy()).isEqualTo("omar");
        assertThat(((FireOutcome.Stale) stale).changedAt()).isEqualTo(THURSDAY_14H);
        assertThat(((FireOutcome.Stale) stale).current().state()).isEqualTo("resolved");

        assertThat(workflows.state(TICKET, "T-2").orElseThrow().step()).isEqualTo(3);
        assertThat(workflows.history(TICKET, "T-2")).hasSize(3);
    }

    @Test
    void aFinalStateOffersNoTransitionAndNoneLeavesIt() throws Exception {
        start("T-3", LAILA);
        fire("T-3", "assign", OMAR, null, 1);
        fire("T-3", "resolve", OMAR, null, 2);
        assertThat(workflows.available(TICKET, "T-3", EVERYTHING)).extracting(Transition::id).containsExactly("close", "reopen");
        assertThat(workflows.available(TICKET, "T-3", p -> p.equals(READ))).extracting(Transition::id).containsExactly("reopen");
        fire("T-3", "close", OMAR, null, 3);
        assertThat(workflows.available(TICKET, "T-3", EVERYTHING)).isEmpty();
        assertThat(fire("T-3", "reopen", LAILA, "again", 4)).isEqualTo(new FireOutcome.NotAllowedFrom("closed"));
        assertThat(workflows.available(TICKET, "never-started", EVERYTHING)).isEmpty();
    }

    @Test
    void dueDatesCountWorkingTimeAcrossTheFridaySaturdayWeekend() throws Exception {
        start("T-4", LAILA);
        // Thursday 14:00 + 2 working hours: 14:00-15:00 on Thursday, 08:00-09:00 on Sunday
        WorkflowState assigned = ((FireOutcome.Moved) fire("T-4", "assign", OMAR, null, 1)).state();
        assertThat(assigned.dueAt()).isEqualTo(ZonedDateTime.of(2026, 12, 13, 9, 0, 0, 0, RIYADH).toInstant());
        // one working day after Thursday is Sunday, due at its closing time
        WorkflowState waiting = ((FireOutcome.Moved) fire("T-4", "ask", OMAR, null, 2)).state();
        assertThat(waiting.dueAt()).isEqualTo(ZonedDateTime.of(2026, 12, 13, 15, 0, 0, 0, RIYADH).toInstant());
        assertThat(workflows.state(TICKET, "T-4").orElseThrow().dueAt()).isEqualTo(waiting.dueAt());
        // a state without a delay has no due date
        WorkflowState resolved = ((FireOutcome.Moved) fire("T-4", "resolve", OMAR, null, 3)).state();
        assertThat(resolved.due()).isEmpty();
    }

    @Test
    void overdueRecordsAreThoseWhoseDueDateHasPassedMostOverdueFirst() throws Exception {
        start("T-5", LAILA);
        start("T-6", LAILA);
        start("T-7", LAILA);
        fire("T-5", "assign", OMAR, null, 1);
        fire("T-6", "assign", OMAR, null, 1);
        fire("T-6", "ask", OMAR, null, 2);
        Instant sundayNoon = ZonedDateTime.of(2026, 12, 13, 12, 0, 0, 0, RIYADH).toInstant();
        Instant monday = ZonedDateTime.of(2026, 12, 14, 9, 0, 0, 0, RIYADH).toInstant();
        assertThat(workflows.overdue(THURSDAY_14H, 10)).isEmpty();
        assertThat(workflows.overdue(sundayNoon, 10)).extracting(WorkflowState::recordId).containsExactly("T-5");
        assertThat(workflows.overdue(monday, 10)).extracting(WorkflowState::recordId).containsExactly("T-5", "T-6");
        assertThat(workflows.overdue(monday, 1)).extracting(WorkflowState::recordId).containsExactly("T-5");
    }

    @Test
    void theStatesOfManyRecordsComeInOneCall() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            ids.add("bulk-" + i);
        }
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            for (String id : ids) {
                workflows.start(c, TICKET, id, LAILA);
            }
            c.commit();
        }
        fire("bulk-700", "assign", OMAR, null, 1);
        List<String> asked = new ArrayList<>(ids);
        asked.add("unknown");
        Map<String, WorkflowState> states = workflows.states(TICKET, asked);
        assertThat(states).hasSize(1200).doesNotContainKey("unknown");
        assertThat(states.get("bulk-700").state()).isEqualTo("assigned");
        assertThat(states.get("bulk-1199").state()).isEqualTo("new");
        assertThat(workflows.states(TICKET, List.of())).isEmpty();
    }

    @Test
    void aMoveRolledBackWithTheCallersChangeLeavesNoTrace() throws Exception {
        start("T-8", LAILA);
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            assertThat(workflows.fire(c, TICKET, "T-8", "assign", OMAR, EVERYTHING, null, 1).moved()).isTrue();
            // the caller's own change fails after the move: all of it goes
            c.rollback();
        }
        assertThat(workflows.state(TICKET, "T-8").orElseThrow().state()).isEqualTo("new");
        assertThat(workflows.history(TICKET, "T-8")).hasSize(1);
        assertThat(fire("T-8", "assign", OMAR, null, 1).moved()).isTrue();
    }

    @Test
    void ofTwoPeopleMovingTheSameRecordAtOnceExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = "race-" + round;
                start(id, LAILA);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<FireOutcome> laila = pool.submit(() -> fireTogether(together, id, "assign", LAILA));
                Future<FireOutcome> omar = pool.submit(() -> fireTogether(together, id, "assign", OMAR));
                List<FireOutcome> outcomes = List.of(laila.get(60, TimeUnit.SECONDS), omar.get(60, TimeUnit.SECONDS));

                assertThat(outcomes).filteredOn(FireOutcome::moved).hasSize(1);
                FireOutcome.Stale stale = (FireOutcome.Stale) outcomes.stream().filter(o -> !o.moved()).findFirst().orElseThrow();
                String winner = ((FireOutcome.Moved) outcomes.stream().filter(FireOutcome::moved).findFirst().orElseThrow()).state().changedBy();
                assertThat(stale.changedBy()).isEqualTo(winner);
                assertThat(workflows.history(TICKET, id)).hasSize(2);
                assertThat(workflows.state(TICKET, id).orElseThrow().step()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMoveWaitingForAnotherTransactionOnTheRecordIsStaleOnceThatOneCommits() throws Exception {
        start("T-9", LAILA);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection first = data.getConnection()) {
            first.setAutoCommit(false);
            assertThat(workflows.fire(first, TICKET, "T-9", "assign", LAILA, EVERYTHING, null, 1).moved()).isTrue();
            Future<FireOutcome> second = pool.submit(() -> fire("T-9", "assign", OMAR, null, 1));
            // the second is seen waiting for the first's row lock before the first commits: no timing involved
            await().atMost(Duration.ofSeconds(60)).until(this::waitingForALock);
            first.commit();
            assertThat(second.get(60, TimeUnit.SECONDS)).isInstanceOf(FireOutcome.Stale.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(workflows.history(TICKET, "T-9")).extracting(HistoryEntry::actor).containsExactly("laila", "laila");
    }

    /**
     * Both read the record at step 1 before either updates it: a third transaction's read lock holds both updates
     * until it ends, then one moves the record and the other's conditional update finds the step gone.
     */
    @Test
    void ofTwoMovesThatBothReadTheRecordOnlyOneGetsThrough() throws Exception {
        start("T-13", LAILA);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection reader = data.getConnection()) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(workflows.fire(reader, TICKET, "T-13", "resolve", LAILA, EVERYTHING, null, 1))
                    .isEqualTo(new FireOutcome.NotAllowedFrom("new"));
            CyclicBarrier together = new CyclicBarrier(2);
            Future<FireOutcome> laila = pool.submit(() -> fireTogether(together, "T-13", "assign", LAILA));
            Future<FireOutcome> omar = pool.submit(() -> fireTogether(together, "T-13", "assign", OMAR));
            await().atMost(Duration.ofSeconds(60)).until(() -> waiting() == 2);
            reader.commit();
            List<FireOutcome> outcomes = List.of(laila.get(60, TimeUnit.SECONDS), omar.get(60, TimeUnit.SECONDS));
            assertThat(outcomes).filteredOn(FireOutcome::moved).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof FireOutcome.Stale).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(workflows.history(TICKET, "T-13")).hasSize(2);
    }

    /**
     * What the move relies on when both transactions read the record before either updates it: an update waiting for
     * the winner's row lock looks at the row again once it has the lock, and finds the step gone.
     */
    @Test
    void anUpdateThatWaitedForTheWinnersLockFindsTheStepGone() throws Exception {
        start("T-12", LAILA);
        String move = "UPDATE workflows.workflow_state SET step = 2, changed_by = ? WHERE workflow = ? AND record_id = ? AND step = 1";
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection first = data.getConnection(); Connection second = data.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(update(first, move, "laila")).isEqualTo(1);
            Future<Integer> late = pool.submit(() -> update(second, move, "omar"));
            await().atMost(Duration.ofSeconds(60)).until(this::waitingForALock);
            first.commit();
            assertThat(late.get(60, TimeUnit.SECONDS)).isZero();
            second.commit();
        } finally {
            pool.shutdownNow();
        }
        assertThat(workflows.state(TICKET, "T-12").orElseThrow().changedBy()).isEqualTo("laila");
    }

    private static int update(Connection c, String sql, String by) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, by);
            s.setString(2, TICKET);
            s.setString(3, "T-12");
            return s.executeUpdate();
        }
    }

    private boolean waitingForALock() throws SQLException {
        return waiting() > 0;
    }

    /** How many transactions wait for a lock now. */
    private int waiting() throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void hostileInputIsRefusedWithAClearMessage() throws Exception {
        start("T-10", LAILA);
        assertThatThrownBy(() -> fire("T-10", "nope", OMAR, null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no transition 'nope'");
        assertThatThrownBy(() -> fireIn("helpdesk.other", "T-10", "assign")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown workflow: 'helpdesk.other'");
        assertThatThrownBy(() -> fire("ghost", "assign", OMAR, null, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never started");
        assertThatThrownBy(() -> fire("T-10", "assign", OMAR, "x".repeat(2001), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2000");
        assertThatThrownBy(() -> fire("T-10", "assign", OMAR, "<script>alert(1)</script>", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("markup");
        assertThatThrownBy(() -> fire("T-10", "assign", OMAR, "bell\u0007", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control");
        assertThatThrownBy(() -> fire("T-10", "assign", OMAR, "\u202Egnp.exe", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control");
        assertThatThrownBy(() -> start("x".repeat(101), LAILA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record id");
        assertThatThrownBy(() -> start("T-10", LAILA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> start("'; DROP TABLE x; --\n", LAILA)).isInstanceOf(IllegalArgumentException.class);
        start("'; DROP TABLE workflow_state; --", LAILA);
        assertThat(workflows.state(TICKET, "'; DROP TABLE workflow_state; --")).isPresent();
        assertThat(workflows.history(TICKET, "T-10")).hasSize(1);
    }

    @Test
    void aRemovedPluginsWorkflowsAreForgottenAndNoPluginTakesAnothersName() throws Exception {
        WorkflowProvider intruder = () -> List.of(WorkflowDefinition.builder("helpdesk.ticket").states("a").initial("a").build(),
                WorkflowDefinition.builder("notes.stolen").states("a").initial("a").build());
        workflows.addProvider(intruder, Map.of("diwan.plugin", "notes"));
        assertThat(workflows.definition(TICKET)).contains(TICKETS);
        assertThat(workflows.definition("notes.stolen")).isPresent();

        workflows.removeProvider(provider);
        assertThat(workflows.definition(TICKET)).isEmpty();
        assertThatThrownBy(() -> start("T-11", LAILA)).hasMessageContaining("unknown workflow");
        assertThat(workflows.definition("notes.stolen")).isPresent();
    }

    @Test
    void aDefinitionThatCannotWorkIsRefusedWhenBuilt() {
        assertThatThrownBy(() -> WorkflowDefinition.builder("Tickets").states("a").initial("a").build()).hasMessageContaining("<plugin>.<name>");
        assertThatThrownBy(() -> WorkflowDefinition.builder("a.b").states("a").initial("z").build()).hasMessageContaining("initial");
        assertThatThrownBy(() -> WorkflowDefinition.builder("a.b").states("a", "b").initial("a").transition("go", "p", "c", null, "a").build())
                .hasMessageContaining("undeclared");
        assertThatThrownBy(() -> WorkflowDefinition.builder("a.b").states("a", "b").initial("a").finals("b")
                .transition("back", "p", "a", null, "b").build()).hasMessageContaining("final");
        assertThatThrownBy(() -> WorkflowDefinition.builder("a.b").states("a", "b").initial("a")
                .transition("go", "p", "b", null, "a").transition("go", "p", "a", null, "b").build()).hasMessageContaining("twice");
        assertThatThrownBy(() -> Due.workingDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TICKETS.stateLabelKey("waiting")).isEqualTo("helpdesk.workflow.ticket.state.waiting");
        assertThat(TICKETS.transitionLabelKey("reopen")).isEqualTo("helpdesk.workflow.ticket.transition.reopen");
        assertThat(TICKETS.transition("reopen").orElseThrow().from()).isEqualTo(Set.of("resolved"));
    }

    private FireOutcome fireTogether(CyclicBarrier together, String id, String transition, Actor actor) throws Exception {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            together.await(30, TimeUnit.SECONDS);
            FireOutcome outcome = workflows.fire(c, TICKET, id, transition, actor, EVERYTHING, null, 1);
            c.commit();
            return outcome;
        }
    }

    private void start(String id, Actor actor) throws SQLException {
        try (Connection c = data.getConnection()) {
            workflows.start(c, TICKET, id, actor);
        }
    }

    private FireOutcome fire(String id, String transition, Actor actor, String comment, long step) throws SQLException {
        return fire(id, transition, actor, EVERYTHING, comment, step);
    }

    private FireOutcome fire(String id, String transition, Actor actor, Predicate<String> permitted, String comment, long step) throws SQLException {
        try (Connection c = data.getConnection()) {
            return workflows.fire(c, TICKET, id, transition, actor, permitted, comment, step);
        }
    }

    private void fireIn(String workflow, String id, String transition) throws SQLException {
        try (Connection c = data.getConnection()) {
            workflows.fire(c, workflow, id, transition, OMAR, EVERYTHING, null, 1);
        }
    }
}
