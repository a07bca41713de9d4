package org.diwan.missions.internal.media;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.common.Recorded;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Transactions;

/** The media plan's activities in the {@code missions} schema. */
public final class MediaStore {

    private static final String SELECT = "SELECT a.id, a.mission_id, m.code, m.name_ar, m.name_en, m.name_fr, a.kind, a.title, a.planned_on,"
            + " a.status, a.held_on, a.audience, a.report, a.version, a.received_from, a.updated_by, a.updated_at FROM media_activity a JOIN mission m ON m.id = a.mission_id";

    private final DataSource dataSource;
    private final Clock clock;
    private final ChangeCapture changed;

    public MediaStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, ChangeCapture.NONE);
    }

    /** @param changed captures each planned or reported activity for headquarters, in the write's transaction */
    public MediaStore(DataSource dataSource, Clock clock, ChangeCapture changed) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.changed = changed;
    }

    /** The year's activities, by planned date, for one office or all (null) and within the scope. */
    public List<MediaActivity> year(int year, String missionId, String scopeMissionCode) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE a.planned_on >= ? AND a.planned_on <= ?");
        if (missionId != null) {
            sql.append(" AND a.mission_id = ?");
        }
        if (scopeMissionCode != null) {
            sql.append(" AND m.code = ?");
        }
        sql.append(" ORDER BY a.planned_on, a.id");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setDate(i++, Date.valueOf(LocalDate.of(year, 1, 1)));
            s.setDate(i++, Date.valueOf(LocalDate.of(year, 12, 31)));
            if (missionId != null) {
                s.setString(i++, missionId);
            }
            if (scopeMissionCode != null) {
                s.setString(i, scopeMissionCode);
            }
            List<MediaActivity> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        }
    }

    public Optional<MediaActivity> get(String id, String scopeMissionCode) throws SQLException {
        String sql = SELECT + " WHERE a.id = ?" + (scopeMissionCode == null ? "" : " AND m.code = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            if (scopeMissionCode != null) {
                s.setString(2, scopeMissionCode);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public String plan(String missionId, MediaActivity.Kind kind, String title, LocalDate plannedOn, String actor) throws SQLException {
        return plan(missionId, kind, title, plannedOn, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public String plan(String missionId, MediaActivity.Kind kind, String title, LocalDate plannedOn, String actor, ChangeCapture audited)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO media_activity (id, mission_id, kind, title, planned_on, status,"
                    + " version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'PLANNED', 1, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, missionId);
                s.setString(3, kind.name());
                s.setString(4, title);
                s.setDate(5, Date.valueOf(plannedOn));
                s.setTimestamp(6, now);
                s.setString(7, actor);
                s.setTimestamp(8, now);
                s.setString(9, actor);
                s.executeUpdate();
            }
            audited.changed(c, id);
            changed.changed(c, id);
            return null;
        });
        return id;
    }

    /**
     * Records what became of a planned activity, if it is still at {@code version}. An activity received from a
     * mission is that mission's to report on: the version check never matches it here.
     */
    public MediaActivity report(String id, int version, MediaActivity.Status status, LocalDate heldOn, Integer audience, String report, String actor)
            throws SQLException, StaleEditException {
        return report(id, version, status, heldOn, audience, report, actor, ChangeCapture.NONE);
    }

    /**
     * @param audited writes the change's audit entry and event, in the write's transaction and before its sync capture
     * @return the activity as reported
     * @throws StaleEditException carrying the activity as it is now (who reported it since, and when) when it is no
     *                            longer at {@code version}
     */
    public MediaActivity report(String id, int version, MediaActivity.Status status, LocalDate heldOn, Integer audience, String report, String actor,
            ChangeCapture audited) throws SQLException, StaleEditException {
        int updated = Transactions.updateAndCapture(dataSource, id, Recorded.then(audited, changed), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE media_activity SET status = ?, held_on = ?, audience = ?, report = ?,"
                    + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND received_from IS NULL")) {
                s.setString(1, status.name());
                if (heldOn == null) {
                    s.setNull(2, Types.DATE);
                } else {
                    s.setDate(2, Date.valueOf(heldOn));
                }
                if (audience == null) {
                    s.setNull(3, Types.INTEGER);
                } else {
                    s.setInt(3, audience);
                }
                s.setString(4, report);
                s.setTimestamp(5, Timestamp.from(clock.instant()));
                s.setString(6, actor);
                s.setString(7, id);
                s.setInt(8, version);
                return s.executeUpdate();
            }
        });
        MediaActivity now = get(id, null).orElseThrow(() -> new SQLException("media activity " + id + " vanished during the report"));
        if (updated == 0) {
            throw new StaleEditException(id, now.version(), now);
        }
        return now;
    }

    /** Per office code: activities planned and done in the year, by kind: the plan against what was reported. */
    public Map<String, Map<MediaActivity.Status, Integer>> summary(List<MediaActivity> activities) {
        Map<String, Map<MediaActivity.Status, Integer>> summary = new LinkedHashMap<>();
        for (MediaActivity a : activities) {
            summary.computeIfAbsent(a.missionCode(), k -> new EnumMap<>(MediaActivity.Status.class)).merge(a.status(), 1, Integer::sum);
        }
        return summary;
    }

    private static MediaActivity read(ResultSet rs) throws SQLException {
        Date held = rs.getDate(11);
        int audience = rs.getInt(12);
        boolean noAudience = rs.wasNull();
        return new MediaActivity(rs.getString(1), rs.getString(2), rs.getString(3), LocalizedText.of(rs.getString(4), rs.getString(5),
                rs.getString(6)), MediaActivity.Kind.valueOf(rs.getString(7)), rs.getString(8), rs.getDate(9).toLocalDate(),
                MediaActivity.Status.valueOf(rs.getString(10)), held == null ? null : held.toLocalDate(), noAudience ? null : audience,
                rs.getString(13), rs.getInt(14), rs.getString(15), rs.getString(16), rs.getTimestamp(17).toInstant());
    }
}
