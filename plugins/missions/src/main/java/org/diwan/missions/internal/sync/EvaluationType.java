package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;
import org.diwan.missions.internal.common.Transactions;
import org.diwan.missions.internal.monitoring.Criterion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Evaluations of a mission (MIS-3), made and approved at headquarters, sent once approved to the mission they
 * evaluate, which shows them read-only. Drafts stay at headquarters. The scores travel with their evaluation and
 * replace the stored ones.
 */
@Component(service = SyncedType.class)
public final class EvaluationType implements SyncedType {

    private final DataSource dataSource;

    @Activate
    public EvaluationType(@Reference(target = "(diwan.schema=missions)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return MissionsSync.EVALUATION;
    }

    @Override
    public NodeRole owner() {
        return NodeRole.HQ;
    }

    @Override
    public Map<String, RecordOwner> owners(Collection<String> recordIds) throws SQLException {
        return StoredOwners.headquarters(dataSource, "evaluation", recordIds);
    }

    @Override
    public Applied apply(SyncChange change) throws Exception {
        ObjectNode payload = Payloads.object(change);
        ObjectNode row = Payloads.rowIn(change, payload.get("evaluation"), "APPROVED");
        return Transactions.inTransaction(dataSource, c -> {
            Optional<Long> stored = MissionsSync.EVALUATIONS.version(c, change.recordId());
            if (stored.isPresent() && stored.get() >= change.version()) {
                return Applied.STALE;
            }
            String code = MissionsSync.missionCode(c, row.path("mission_id").asText());
            if (code == null) {
                return Applied.DEFERRED;
            }
            if (!Objects.equals(code, change.missionCode())) {
                throw new IllegalArgumentException("evaluation of mission " + code + " addressed to mission " + change.missionCode());
            }
            MissionsSync.EVALUATIONS.upsert(c, row, Map.of(), stored.isPresent());
            storeScores(c, change.recordId(), payload.path("scores"));
            return Applied.APPLIED;
        });
    }

    private static void storeScores(Connection c, String evaluationId, JsonNode scores) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM evaluation_score WHERE evaluation_id = ?")) {
            s.setString(1, evaluationId);
            s.executeUpdate();
        }
        Set<Criterion> seen = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO evaluation_score (evaluation_id, criterion, score, comment_text) VALUES (?, ?, ?, ?)")) {
            for (JsonNode score : scores) {
                Criterion criterion = criterion(score.path("criterion").asText());
                int value = score.path("score").asInt(0);
                boolean ours = evaluationId.equals(score.path("evaluation_id").asText());
                if (!ours || value < Criterion.MIN_SCORE || value > Criterion.MAX_SCORE || !seen.add(criterion)) {
                    throw new IllegalArgumentException("a score of evaluation " + evaluationId + " is not one: " + score);
                }
                s.setString(1, evaluationId);
                s.setString(2, criterion.name());
                s.setInt(3, value);
                s.setString(4, score.path("comment_text").isTextual() ? score.path("comment_text").asText() : null);
                s.executeUpdate();
            }
        }
    }

    private static Criterion criterion(String name) {
        try {
            return Criterion.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown evaluation criterion: " + name);
        }
    }

    @Override
    public void export(String missionCode, Consumer<SyncChange> sink) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            String where = "status = 'APPROVED'" + (missionCode == null ? "" : " AND " + MissionsSync.OF_MISSION);
            Object[] args = missionCode == null ? new Object[0] : new Object[] {missionCode};
            for (ObjectNode row : MissionsSync.EVALUATIONS.readWhere(c, where + " ORDER BY evaluated_on, id", args)) {
                sink.accept(MissionsSync.evaluationChange(c, row.path("id").asText()));
            }
        }
    }
}
