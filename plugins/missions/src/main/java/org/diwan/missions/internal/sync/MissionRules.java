package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.diwan.api.documents.Documents;
import org.diwan.api.sync.Applied;
import org.diwan.api.sync.IncomingRow;
import org.diwan.api.sync.SyncedTable;
import org.diwan.api.sync.TableRules;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.monitoring.Criterion;

/** The department's own rules for its synced tables, beside what the platform checks for every table. */
final class MissionRules {

    private MissionRules() {
    }

    /** Each node folds its own search key from a letter's text. */
    static final TableRules CORRESPONDENCE = new TableRules() {
        @Override
        public Optional<Applied> check(Connection c, IncomingRow row) {
            row.local().put("search_key", CorrespondenceStore.searchKey(row.text("reference_no"), row.text("subject"), row.text("summary"),
                    row.text("counterpart_name")));
            return Optional.empty();
        }
    };

    /**
     * A mission node made an empty plan of its own when its plan page was first shown, before plans came from
     * headquarters: that one gives way. One with objectives would be data: it is refused, not overwritten.
     */
    static final TableRules PLAN = new TableRules() {
        @Override
        public Optional<Applied> check(Connection c, IncomingRow row) throws SQLException {
            Object year = row.values().get("plan_year");
            try (PreparedStatement s = c.prepareStatement("SELECT p.id, (SELECT COUNT(*) FROM plan_objective o WHERE o.plan_id = p.id)"
                    + " FROM action_plan p WHERE p.plan_year = ? AND p.id <> ?")) {
                s.setObject(1, year);
                s.setString(2, row.change().recordId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getInt(2) > 0) {
                            throw new IllegalArgumentException("this node holds another plan for " + year + " with objectives");
                        }
                        try (PreparedStatement delete = c.prepareStatement("DELETE FROM action_plan WHERE id = ?")) {
                            delete.setString(1, rs.getString(1));
                            delete.executeUpdate();
                        }
                    }
                }
            }
            return Optional.empty();
        }
    };

    /** Each criterion once, scored within the scale. */
    static final TableRules EVALUATION = new TableRules() {
        @Override
        public Optional<Applied> check(Connection c, IncomingRow row) {
            Set<Criterion> seen = new HashSet<>();
            for (Map<String, Object> score : row.children().get("scores")) {
                Object value = score.get("score");
                Criterion criterion = criterion(score.get("criterion"));
                if (!(value instanceof Integer points) || points < Criterion.MIN_SCORE || points > Criterion.MAX_SCORE || !seen.add(criterion)) {
                    throw new IllegalArgumentException("a score of evaluation " + row.change().recordId() + " is not one: " + score);
                }
            }
            return Optional.empty();
        }
    };

    private static Criterion criterion(Object name) {
        try {
            return Criterion.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown evaluation criterion: " + name);
        }
    }

    /** An attachment waits until its document's content is here too. */
    static TableRules attachment(Documents documents) {
        return new TableRules() {
            @Override
            public Optional<Applied> check(Connection c, IncomingRow row) throws SQLException {
                String document = row.text("document_id");
                return document != null && documents.find(document).isPresent() ? Optional.empty() : Optional.of(Applied.DEFERRED);
            }
        };
    }

    /** The rules of each table but the bulletins' ({@link BulletinTable}). */
    static Map<SyncedTable, TableRules> of(Documents documents) {
        return Map.of(MissionsSync.MISSIONS, TableRules.NONE, MissionsSync.LETTERS, CORRESPONDENCE, MissionsSync.FOLLOW_UPS, TableRules.NONE,
                MissionsSync.MEDIA_ACTIVITIES, TableRules.NONE, MissionsSync.ATTACHMENTS, attachment(documents), MissionsSync.EVALUATIONS,
                EVALUATION, MissionsSync.PLANS, PLAN, MissionsSync.OBJECTIVES, TableRules.NONE, MissionsSync.TASKS, TableRules.NONE);
    }
}
