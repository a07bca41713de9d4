package org.diwan.workflows.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.diwan.api.calendar.WorkingCalendars;
import org.diwan.api.plugin.DiwanPlugin;
import org.diwan.api.security.Actor;
import org.diwan.api.workflow.FireOutcome;
import org.diwan.api.workflow.HistoryEntry;
import org.diwan.api.workflow.Transition;
import org.diwan.api.workflow.WorkflowDefinition;
import org.diwan.api.workflow.WorkflowProvider;
import org.diwan.api.workflow.WorkflowState;
import org.diwan.api.workflow.Workflows;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The workflows in the {@code workflows} schema of the node's database. Writes use the caller's connection with
 * schema-qualified tables (it belongs to the plugin's schema); a move is an update conditional on the step the
 * visitor saw, so of two concurrent moves the database lets exactly one through.
 */
@Component(service = Workflows.class)
public final class JdbcWorkflows implements Workflows {

    private static final String STATE = "workflows.workflow_state";
    private static final String HISTORY = "workflows.workflow_history";
    private static final String STATE_COLUMNS = "SELECT workflow, record_id, state, step, due_at, changed_by, changed_at FROM " + STATE;
    private static final int IN_CHUNK = 500;
    private static final int MAX_OVERDUE = 1000;

    private final DataSource dataSource;
    private final WorkingCalendars calendars;
    private final Clock clock;
    private final WorkflowRegistry registry = new WorkflowRegistry();

    @Activate
    public JdbcWorkflows(@Reference(target = "(diwan.schema=workflows)") DataSource dataSource, @Reference WorkingCalendars calendars) {
        this(dataSource, calendars, Clock.systemUTC());
    }

    JdbcWorkflows(DataSource dataSource, WorkingCalendars calendars, Clock clock) {
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(WorkflowProvider provider, Map<String, Object> properties) {
        Object plugin = properties.get(DiwanPlugin.PLUGIN_PROPERTY);
        registry.add(provider, plugin == null ? null : plugin.toString());
    }

    void removeProvider(WorkflowProvider provider) {
        registry.remove(provider);
    }

    @Override
    public Optional<WorkflowDefinition> definition(String workflow) {
        return registry.find(workflow);
    }

    @Override
    public WorkflowState start(Connection connection, String workflow, String recordId, Actor actor) throws SQLException {
        WorkflowDefinition definition = registry.require(workflow);
        Inputs.recordId(recordId);
        if (read(connection, workflow, recordId).isPresent()) {
            throw new IllegalArgumentException("record " + Inputs.quoted(recordId) + " is already in workflow " + workflow);
        }
        WorkflowState state = new WorkflowState(workflow, recordId, definition.initial(), 1, null, Inputs.actor(actor.username()), clock.instant());
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + STATE
                + " (workflow, record_id, state, step, due_at, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, workflow);
            s.setString(2, recordId);
            s.setString(3, state.state());
            s.setLong(4, state.step());
            s.setTimestamp(5, null);
            s.setString(6, state.changedBy());
            s.setTimestamp(7, Timestamp.from(state.changedAt()));
            s.executeUpdate();
        }
        recordHistory(connection, state, null, null, actor, null);
        return state;
    }

    @Override
    public FireOutcome fire(Connection connection, String workflow, String recordId, String transitionId, Actor actor,
            Predicate<String> permitted, String comment, long expectedStep) throws SQLException {
        WorkflowDefinition definition = registry.require(workflow);
        Transition transition = definition.transition(transitionId).orElseThrow(() -> new IllegalArgumentException(
                "workflow " + workflow + " has no transition " + Inputs.quoted(transitionId)));
        String why = Inputs.comment(comment);
        Inputs.actor(actor.username());
        WorkflowState current = read(connection, workflow, Inputs.recordId(recordId)).orElseThrow(() -> new IllegalArgumentException(
                "record " + Inputs.quoted(recordId) + " was never started in workflow " + workflow));
        if (!permitted.test(transition.permission())) {
            return new FireOutcome.NotPermitted(transition.permission());
        }
        if (current.step() != expectedStep) {
            return new FireOutcome.Stale(current);
        }
        if (!transition.from().contains(current.state())) {
            return new FireOutcome.NotAllowedFrom(current.state());
        }
        if (transition.commentRequired() && why == null) {
            return new FireOutcome.CommentRequired();
        }
        Instant now = clock.instant();
        Instant due = transition.dueDelay().map(d -> DueDates.of(d, now, calendars.nodeCalendar())).orElse(null);
        WorkflowState moved = new WorkflowState(workflow, recordId, transition.to(), expectedStep + 1, due, actor.username(), now);
        try (PreparedStatement s = connection.prepareStatement("UPDATE " + STATE
                + " SET state = ?, step = ?, due_at = ?, changed_by = ?, changed_at = ? WHERE workflow = ? AND record_id = ? AND step = ?")) {
            s.setString(1, moved.state());
            s.setLong(2, moved.step());
            s.setTimestamp(3, due == null ? null : Timestamp.from(due));
            s.setString(4, moved.changedBy());
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, workflow);
            s.setString(7, recordId);
            s.setLong(8, expectedStep);
            if (s.executeUpdate() == 0) {
                // moved by another transaction between our read and our update: it committed first
                return new FireOutcome.Stale(read(connection, workflow, recordId).orElseThrow());
            }
        }
        recordHistory(connection, moved, current.state(), transition.id(), actor, why);
        return new FireOutcome.Moved(moved);
    }

    @Override
    public Optional<WorkflowState> state(String workflow, String recordId) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, workflow, recordId);
        } catch (SQLException e) {
            throw new IllegalStateException("workflow state not readable", e);
        }
    }

    @Override
    public Map<String, WorkflowState> states(String workflow, Collection<String> recordIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(recordIds));
        Map<String, WorkflowState> states = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement s = c.prepareStatement(STATE_COLUMNS + " WHERE workflow = ? AND record_id IN (" + marks + ")")) {
                    s.setString(1, workflow);
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            WorkflowState state = state(rs);
                            states.put(state.recordId(), state);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("workflow states not readable", e);
        }
        return states;
    }

    @Override
    public List<Transition> available(String workflow, String recordId, Predicate<String> permitted) {
        WorkflowDefinition definition = registry.require(workflow);
        return state(workflow, recordId).map(s -> definition.from(s.state()).stream().filter(t -> permitted.test(t.permission())).toList())
                .orElse(List.of());
    }

    @Override
    public List<HistoryEntry> history(String workflow, String recordId) {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT step, from_state, to_state, transition, actor, moved_at, remark FROM " + HISTORY
                        + " WHERE workflow = ? AND record_id = ? ORDER BY step")) {
            s.setString(1, workflow);
            s.setString(2, recordId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("workflow history not readable", e);
        }
        return entries;
    }

    @Override
    public List<WorkflowState> overdue(Instant now, int limit) {
        List<WorkflowState> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(STATE_COLUMNS + " WHERE due_at < ? ORDER BY due_at FETCH FIRST ? ROWS ONLY")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, Math.max(1, Math.min(limit, MAX_OVERDUE)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(state(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("overdue records not readable", e);
        }
        return due;
    }

    private static Optional<WorkflowState> read(Connection connection, String workflow, String recordId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(STATE_COLUMNS + " WHERE workflow = ? AND record_id = ?")) {
            s.setString(1, workflow);
            s.setString(2, recordId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(state(rs)) : Optional.empty();
            }
        }
    }

    private void recordHistory(Connection connection, WorkflowState state, String from, String transition, Actor actor, String comment)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO " + HISTORY
                + " (workflow, record_id, step, from_state, to_state, transition, actor, address, moved_at, remark)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, state.workflow());
            s.setString(2, state.recordId());
            s.setLong(3, state.step());
            s.setString(4, from);
            s.setString(5, state.state());
            s.setString(6, transition);
            s.setString(7, actor.username());
            s.setString(8, actor.address().length() > 64 ? actor.address().substring(0, 64) : actor.address());
            s.setTimestamp(9, Timestamp.from(state.changedAt()));
            s.setString(10, comment);
            s.executeUpdate();
        }
    }

    private static WorkflowState state(ResultSet rs) throws SQLException {
        Timestamp due = rs.getTimestamp(5);
        return new WorkflowState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), due == null ? null : due.toInstant(),
                rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
