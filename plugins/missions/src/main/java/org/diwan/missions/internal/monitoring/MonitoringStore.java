package org.diwan.missions.internal.monitoring;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.common.Recorded;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Transactions;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionStore;

/**
 * Reporting regularity and evaluations. Reports are the correspondence an office sends to headquarters,
 * dated by the document's date.
 */
public final class MonitoringStore {

    private final DataSource dataSource;
    private final MissionStore missions;
    private final Clock clock;
    private final ChangeCapture approved;

    public MonitoringStore(DataSource dataSource, MissionStore missions, Clock clock) {
        this(dataSource, missions, clock, ChangeCapture.NONE);
    }

    /** @param approved captures each approved evaluation for the mission it evaluates, in the approval's transaction */
    public MonitoringStore(DataSource dataSource, MissionStore missions, Clock clock, ChangeCapture approved) {
        this.dataSource = dataSource;
        this.missions = missions;
        this.clock = clock;
        this.approved = approved;
    }

    /** Every active office (or the one in scope) with its reporting status on {@code today}: the latest first, then the soonest due. */
    public List<ReportingStatus> reporting(LocalDate today, String scopeMissionCode) throws SQLException {
        List<ReportingStatus> statuses = reporting(today, "m.status = 'ACTIVE'" + (scopeMissionCode == null ? "" : " AND m.code = ?"),
                scopeMissionCode, missions.active());
        statuses.sort(java.util.Comparator.comparingLong(ReportingStatus::daysLate).reversed()
                .thenComparing(ReportingStatus::due).thenComparing(s -> s.mission().code()));
        return statuses;
    }

    /** One office's reporting status on {@code today}, active or not; empty when there is no such office. */
    public Optional<ReportingStatus> reportingOf(String missionId, LocalDate today) throws SQLException {
        Optional<Mission> mission = missions.get(missionId);
        if (mission.isEmpty()) {
            return Optional.empty();
        }
        return reporting(today, "m.id = ?", missionId, Map.of(missionId, mission.get())).stream().findFirst();
    }

    private List<ReportingStatus> reporting(LocalDate today, String where, String parameter, Map<String, Mission> offices) throws SQLException {
        String sql = "SELECT m.id, m.created_at, MAX(c.document_date), SUM(CASE WHEN c.document_date > ? THEN 1 ELSE 0 END)"
                + " FROM mission m LEFT JOIN correspondence c ON c.mission_id = m.id AND c.counterpart = 'HEADQUARTERS'"
                + " WHERE " + where + " GROUP BY m.id, m.created_at";
        List<ReportingStatus> statuses = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDate(1, Date.valueOf(today.minusYears(1)));
            if (parameter != null) {
                s.setString(2, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Mission mission = offices.get(rs.getString(1));
                    LocalDate registered = rs.getTimestamp(2).toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
                    Date last = rs.getDate(3);
                    if (mission != null) {
                        statuses.add(ReportingStatus.of(mission, last == null ? null : last.toLocalDate(), registered, rs.getInt(4), today));
                    }
                }
            }
        }
        return statuses;
    }

    /** Reports received per month over the twelve months ending with {@code month}: the office's reporting calendar. */
    public Map<YearMonth, Integer> reportsPerMonth(String missionId, YearMonth month) throws SQLException {
        Map<YearMonth, Integer> calendar = new LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            calendar.put(month.minusMonths(i), 0);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT document_date FROM correspondence WHERE mission_id = ? AND counterpart = 'HEADQUARTERS'"
                        + " AND document_date >= ? AND document_date <= ?")) {
            s.setString(1, missionId);
            s.setDate(2, Date.valueOf(month.minusMonths(11).atDay(1)));
            s.setDate(3, Date.valueOf(month.atEndOfMonth()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    calendar.merge(YearMonth.from(rs.getDate(1).toLocalDate()), 1, Integer::sum);
                }
            }
        }
        return calendar;
    }

    public Evaluation addEvaluation(String missionId, String period, LocalDate on, String comments, Map<Criterion, Evaluation.Score> scores,
            String actor) throws SQLException {
        return addEvaluation(missionId, period, on, comments, scores, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction */
    public Evaluation addEvaluation(String missionId, String period, LocalDate on, String comments, Map<Criterion, Evaluation.Score> scores,
            String actor, ChangeCapture audited) throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO evaluation (id, mission_id, period, evaluated_on, evaluator,"
                        + " comments, status, version, created_at, created_by, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', 1, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setString(2, missionId);
                    s.setString(3, period);
                    s.setDate(4, Date.valueOf(on));
                    s.setString(5, actor);
                    s.setString(6, comments);
                    s.setTimestamp(7, now);
                    s.setString(8, actor);
                    s.setTimestamp(9, now);
                    s.setString(10, actor);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO evaluation_score (evaluation_id, criterion, score, comment_text) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<Criterion, Evaluation.Score> e : scores.entrySet()) {
                        s.setString(1, id);
                        s.setString(2, e.getKey().name());
                        s.setInt(3, e.getValue().value());
                        s.setString(4, e.getValue().comment());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                audited.changed(c, id);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return new Evaluation(id, missionId, period, on, actor, comments, scores, false, 1, actor, now.toInstant());
    }

    public Evaluation approve(String evaluationId, int expectedVersion, String actor) throws SQLException, StaleEditException {
        return approve(evaluationId, expectedVersion, actor, ChangeCapture.NONE);
    }

    /**
     * @param audited writes the change's audit entry and events, in the write's transaction and before its sync capture
     * @return the evaluation as approved
     * @throws StaleEditException carrying the evaluation as it is now (who changed or approved it, and when) when it is
     *                            no longer a draft at {@code expectedVersion}
     */
    public Evaluation approve(String evaluationId, int expectedVersion, String actor, ChangeCapture audited) throws SQLException, StaleEditException {
        int updated = Transactions.updateAndCapture(dataSource, evaluationId, Recorded.then(audited, approved), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE evaluation SET status = 'APPROVED', version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE id = ? AND version = ? AND status = 'DRAFT'")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                s.setString(2, actor);
                s.setString(3, evaluationId);
                s.setInt(4, expectedVersion);
                return s.executeUpdate();
            }
        });
        Evaluation now = evaluation(evaluationId).orElseThrow(() -> new SQLException("evaluation " + evaluationId + " vanished"));
        if (updated == 0) {
            throw new StaleEditException(evaluationId, now.version(), now);
        }
        return now;
    }

    /** One evaluation with its scores, whatever office it evaluates. */
    public Optional<Evaluation> evaluation(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT mission_id FROM evaluation WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String missionId = rs.getString(1);
                return evaluations(missionId).stream().filter(e -> e.id().equals(id)).findFirst();
            }
        }
    }

    /** An office's evaluations, newest first: its history. */
    public List<Evaluation> evaluations(String missionId) throws SQLException {
        Map<String, Map<Criterion, Evaluation.Score>> scores = new HashMap<>();
        List<Evaluation> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT s.evaluation_id, s.criterion, s.score, s.comment_text FROM evaluation_score s"
                    + " JOIN evaluation e ON e.id = s.evaluation_id WHERE e.mission_id = ?")) {
                s.setString(1, missionId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        scores.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(Criterion.class))
                                .put(Criterion.valueOf(rs.getString(2)), new Evaluation.Score(rs.getInt(3), rs.getString(4)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id, period, evaluated_on, evaluator, comments, status, version, updated_by, updated_at FROM evaluation"
                    + " WHERE mission_id = ? ORDER BY evaluated_on DESC, created_at DESC")) {
                s.setString(1, missionId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        list.add(new Evaluation(id, missionId, rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                                scores.getOrDefault(id, Map.of()), "APPROVED".equals(rs.getString(6)), rs.getInt(7), rs.getString(8),
                                rs.getTimestamp(9).toInstant()));
                    }
                }
            }
        }
        return list;
    }
}
