package org.diwan.missions.internal.plan;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.common.Recorded;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Transactions;

/** Plans of action, their objectives and tasks, in the {@code missions} schema. */
public final class ActionPlanStore {

    /** What the store captures for the missions, each in its write's transaction. */
    public record Captures(ChangeCapture plan, ChangeCapture objective, ChangeCapture task) {
        public static final Captures NONE = new Captures(ChangeCapture.NONE, ChangeCapture.NONE, ChangeCapture.NONE);
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Captures captures;

    public ActionPlanStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, Captures.NONE);
    }

    public ActionPlanStore(DataSource dataSource, Clock clock, Captures captures) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.captures = captures;
    }

    /** The year's plan, made empty the first time it is asked for. */
    public ActionPlan forYear(int year, String actor) throws SQLException {
        return forYear(year, actor, ChangeCapture.NONE);
    }

    /** @param made records the making of the plan (its event), in the write's transaction and before its sync capture */
    public ActionPlan forYear(int year, String actor, ChangeCapture made) throws SQLException {
        Optional<ActionPlan> plan = find(year);
        if (plan.isPresent()) {
            return plan.get();
        }
        Timestamp now = Timestamp.from(clock.instant());
        String id = UUID.randomUUID().toString();
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO action_plan (id, plan_year, version, created_at, created_by,"
                        + " updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setInt(2, year);
                    s.setTimestamp(3, now);
                    s.setString(4, actor);
                    s.setTimestamp(5, now);
                    s.setString(6, actor);
                    s.executeUpdate();
                }
                made.changed(c, id);
                captures.plan().changed(c, id);
                return null;
            });
        } catch (SQLIntegrityConstraintViolationException madeMeanwhile) {
            // another request made it first: use that one
        }
        return find(year).orElseThrow();
    }

    /** The years this node keeps a plan for, latest first. */
    public List<Integer> years() throws SQLException {
        List<Integer> years = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT plan_year FROM action_plan ORDER BY plan_year DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                years.add(rs.getInt(1));
            }
        }
        return years;
    }

    public Optional<ActionPlan> find(int year) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String id;
            String recommendations;
            int version;
            String updatedBy;
            Timestamp updatedAt;
            try (PreparedStatement s = c.prepareStatement("SELECT id, recommendations, version, updated_by, updated_at FROM action_plan"
                    + " WHERE plan_year = ?")) {
                s.setInt(1, year);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getString(1);
                    recommendations = rs.getString(2);
                    version = rs.getInt(3);
                    updatedBy = rs.getString(4);
                    updatedAt = rs.getTimestamp(5);
                }
            }
            List<ActionPlan.Objective> objectives = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, position, title FROM plan_objective WHERE plan_id = ? ORDER BY position, id")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        objectives.add(new ActionPlan.Objective(rs.getString(1), rs.getInt(2), rs.getString(3), tasks(c, rs.getString(1))));
                    }
                }
            }
            return Optional.of(new ActionPlan(id, year, recommendations, objectives, version, updatedBy, updatedAt.toInstant()));
        }
    }

    public String addObjective(ActionPlan plan, String title) throws SQLException {
        return addObjective(plan, title, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public String addObjective(ActionPlan plan, String title, ChangeCapture audited) throws SQLException {
        String id = UUID.randomUUID().toString();
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plan_objective (id, plan_id, position, title) VALUES (?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, plan.id());
                s.setInt(3, plan.objectives().size());
                s.setString(4, title);
                s.executeUpdate();
            }
            audited.changed(c, id);
            captures.objective().changed(c, id);
            return null;
        });
        return id;
    }

    public String addTask(String objectiveId, String title, String owner, LocalDate deadline, String actor) throws SQLException {
        return addTask(objectiveId, title, owner, deadline, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public String addTask(String objectiveId, String title, String owner, LocalDate deadline, String actor, ChangeCapture audited)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plan_task (id, objective_id, title, owner, deadline, progress, version,"
                    + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, objectiveId);
                s.setString(3, title);
                s.setString(4, owner);
                s.setDate(5, Date.valueOf(deadline));
                s.setTimestamp(6, Timestamp.from(clock.instant()));
                s.setString(7, actor);
                s.executeUpdate();
            }
            audited.changed(c, id);
            captures.task().changed(c, id);
            return null;
        });
        return id;
    }

    public void progress(String taskId, int version, int progress, String note, String actor) throws SQLException, StaleEditException {
        progress(taskId, version, progress, note, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public void progress(String taskId, int version, int progress, String note, String actor, ChangeCapture audited)
            throws SQLException, StaleEditException {
        int updated = Transactions.updateAndCapture(dataSource, taskId, Recorded.then(audited, captures.task()), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE plan_task SET progress = ?, note = ?, version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE id = ? AND version = ?")) {
                s.setInt(1, progress);
                s.setString(2, note);
                s.setTimestamp(3, Timestamp.from(clock.instant()));
                s.setString(4, actor);
                s.setString(5, taskId);
                s.setInt(6, version);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            ActionPlan.Task now = task(taskId).orElseThrow(() -> new SQLException("task " + taskId + " is gone"));
            throw new StaleEditException(taskId, now.version(), now);
        }
    }

    public void recommendations(ActionPlan plan, int version, String text, String actor) throws SQLException, StaleEditException {
        recommendations(plan, version, text, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public void recommendations(ActionPlan plan, int version, String text, String actor, ChangeCapture audited)
            throws SQLException, StaleEditException {
        int updated = Transactions.updateAndCapture(dataSource, plan.id(), Recorded.then(audited, captures.plan()), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE action_plan SET recommendations = ?, version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE id = ? AND version = ?")) {
                s.setString(1, text);
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                s.setString(3, actor);
                s.setString(4, plan.id());
                s.setInt(5, version);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            ActionPlan now = find(plan.year()).orElseThrow(() -> new SQLException("plan " + plan.year() + " is gone"));
            throw new StaleEditException(plan.id(), now.version(), now);
        }
    }

    /** The task as stored now, whichever plan it is in. */
    public Optional<ActionPlan.Task> task(String taskId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM plan_task WHERE id = ?")) {
            s.setString(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(task(rs)) : Optional.empty();
            }
        }
    }

    private static final String TASK_COLUMNS = "id, objective_id, title, owner, deadline, progress, note, version, updated_by, updated_at";

    private static List<ActionPlan.Task> tasks(Connection c, String objectiveId) throws SQLException {
        List<ActionPlan.Task> tasks = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM plan_task WHERE objective_id = ? ORDER BY deadline, id")) {
            s.setString(1, objectiveId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tasks.add(task(rs));
                }
            }
        }
        return tasks;
    }

    private static ActionPlan.Task task(ResultSet rs) throws SQLException {
        return new ActionPlan.Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant());
    }
}
