package org.diwan.missions.internal.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.i18n.ArabicText;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Transactions;

/** The registry's table: queries with filters, sorting and paging; inserts; edits that name their version. */
public final class MissionStore {

    private static final String COLUMNS = "id, code, mission_type, country, city, name_ar, name_en, name_fr, head_of_mission, "
            + "email, phone, address, status, report_every_days, version, updated_at, updated_by";

    private final DataSource dataSource;
    private final Clock clock;
    private final ChangeCapture changed;

    /**
     * @param sync captures each created or edited mission for the mission nodes, in the write's transaction: there
     *             is no store without it, so no write of the directory can miss the mission nodes
     */
    public MissionStore(DataSource dataSource, Clock clock, MissionsSync sync) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.changed = sync::missionChanged;
    }

    public ListPage<Mission> find(MissionQuery query) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        try (Connection c = dataSource.getConnection()) {
            int total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM mission" + where)) {
                bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            String order = " ORDER BY " + query.sort().column + (query.descending() ? " DESC" : " ASC") + ", id";
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM mission" + where + order
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                bind(s, args);
                s.setInt(args.size() + 1, query.page() * query.size());
                s.setInt(args.size() + 2, query.size());
                List<Mission> items = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
                return new ListPage<>(items, total, query.page(), query.size());
            }
        }
    }

    public Optional<Mission> get(String id) throws SQLException {
        if (id == null || !isUuid(id)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM mission WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Every active office by id, read in one query (dashboards look them all up). */
    public Map<String, Mission> active() throws SQLException {
        Map<String, Mission> active = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM mission WHERE status = 'ACTIVE'");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Mission m = read(rs);
                active.put(m.id(), m);
            }
        }
        return active;
    }

    public Optional<Mission> byCode(String code) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM mission WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Mission create(MissionDraft draft, String actor) throws SQLException, DuplicateCodeException {
        return create(draft, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public Mission create(MissionDraft draft, String actor, ChangeCapture audited) throws SQLException, DuplicateCodeException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO mission (id, code, mission_type, country, city, name_ar, name_en, name_fr, head_of_mission, email, phone,"
                                + " address, status, report_every_days, search_key, version, created_at, created_by, updated_at, updated_by)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    int next = bindDraft(s, 2, draft);
                    s.setTimestamp(next, now);
                    s.setString(next + 1, actor);
                    s.setTimestamp(next + 2, now);
                    s.setString(next + 3, actor);
                    s.executeUpdate();
                }
                audited.changed(c, id);
                changed.changed(c, id);
                return null;
            });
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new DuplicateCodeException(draft.code());
        }
        return get(id).orElseThrow();
    }

    /**
     * Saves the edit only if the record is still at the version the editor started from.
     *
     * @throws StaleEditException when someone saved it in between; nothing is written
     */
    public Mission update(String id, int expectedVersion, MissionDraft draft, String actor)
            throws SQLException, StaleEditException, DuplicateCodeException {
        return update(id, expectedVersion, draft, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public Mission update(String id, int expectedVersion, MissionDraft draft, String actor, ChangeCapture audited)
            throws SQLException, StaleEditException, DuplicateCodeException {
        int updated;
        try {
            updated = Transactions.inTransaction(dataSource, c -> {
                int rows;
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE mission SET code = ?, mission_type = ?, country = ?, city = ?, name_ar = ?, name_en = ?, name_fr = ?,"
                                + " head_of_mission = ?, email = ?, phone = ?, address = ?, status = ?, report_every_days = ?, search_key = ?,"
                                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
                    int next = bindDraft(s, 1, draft);
                    s.setTimestamp(next, Timestamp.from(clock.instant()));
                    s.setString(next + 1, actor);
                    s.setString(next + 2, id);
                    s.setInt(next + 3, expectedVersion);
                    rows = s.executeUpdate();
                }
                if (rows > 0) {
                    audited.changed(c, id);
                    changed.changed(c, id);
                }
                return rows;
            });
        } catch (SQLIntegrityConstraintViolationException e) {
            throw new DuplicateCodeException(draft.code());
        }
        Mission now = get(id).orElseThrow(() -> new SQLException("mission " + id + " vanished during the edit"));
        if (updated == 0) {
            throw new StaleEditException(id, now.version(), now);
        }
        return now;
    }

    private static int bindDraft(PreparedStatement s, int first, MissionDraft d) throws SQLException {
        int i = first;
        s.setString(i++, d.code());
        s.setString(i++, d.type().name());
        s.setString(i++, d.country());
        s.setString(i++, d.city());
        s.setString(i++, d.name().ar());
        s.setString(i++, d.name().en());
        s.setString(i++, d.name().fr());
        s.setString(i++, d.headOfMission());
        s.setString(i++, d.email());
        s.setString(i++, d.phone());
        s.setString(i++, d.address());
        s.setString(i++, d.status().name());
        s.setInt(i++, d.reportEveryDays());
        s.setString(i++, searchKey(d));
        return i;
    }

    static String searchKey(MissionDraft d) {
        return searchKey(d.code(), d.name().ar(), d.name().en(), d.name().fr(), d.city(), d.headOfMission());
    }

    /** What a text search matches an office on, folded ({@link ArabicText#fold}); null parts count as empty. */
    public static String searchKey(String code, String nameAr, String nameEn, String nameFr, String city, String headOfMission) {
        String key = ArabicText.fold(String.join(" ", nz(code), nz(nameAr), nz(nameEn), nz(nameFr), nz(city), nz(headOfMission)));
        return key.length() > 2000 ? key.substring(0, 2000) : key;
    }

    private static String where(MissionQuery q, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (q.text() != null) {
            conditions.add("search_key LIKE ? ESCAPE '\\'");
            args.add("%" + ArabicText.fold(q.text()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.type() != null) {
            conditions.add("mission_type = ?");
            args.add(q.type().name());
        }
        if (q.country() != null) {
            conditions.add("country = ?");
            args.add(q.country());
        }
        if (q.status() != null) {
            conditions.add("status = ?");
            args.add(q.status().name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static Mission read(ResultSet rs) throws SQLException {
        return new Mission(rs.getString("id"), rs.getString("code"), MissionType.valueOf(rs.getString("mission_type")),
                rs.getString("country"), rs.getString("city"),
                LocalizedText.of(rs.getString("name_ar"), rs.getString("name_en"), rs.getString("name_fr")),
                rs.getString("head_of_mission"), rs.getString("email"), rs.getString("phone"), rs.getString("address"),
                MissionStatus.valueOf(rs.getString("status")), rs.getInt("report_every_days"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static boolean isUuid(String id) {
        return id.length() == 36 && id.matches("[0-9a-f-]{36}");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
