package org.diwan.missions.internal.correspondence;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.documents.StoredDocument;
import org.diwan.api.i18n.ArabicText;
import org.diwan.api.i18n.LocalizedText;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.common.Recorded;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Transactions;

/** Correspondence, its attachments and follow-up actions in the {@code missions} schema. */
public final class CorrespondenceStore {

    private static final String COLUMNS = "SELECT c.id, c.mission_id, m.code, m.name_ar, m.name_en, m.name_fr, c.counterpart, c.counterpart_name,"
            + " c.classification, c.country, c.reference_no, c.document_date, c.received_date, c.subject, c.summary, c.status,"
            + " c.version, c.updated_at, c.updated_by, c.received_from";
    private static final String SELECT = COLUMNS + " FROM correspondence c JOIN mission m ON m.id = c.mission_id";
    /**
     * Newest first, read along the correspondence_recent index so that Derby stops after the page. Left to
     * itself, Derby joins from the missions and sorts every row for each page (426 ms a page at 50,000 rows,
     * growing with the table; 4 ms this way). Derby's optimizer overrides must end their line.
     */
    private static final String SELECT_NEWEST_FIRST = COLUMNS + " FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
            + " correspondence c --DERBY-PROPERTIES index=CORRESPONDENCE_RECENT\n JOIN mission m ON m.id = c.mission_id";

    private final DataSource dataSource;
    private final Clock clock;
    private final ChangeCapture changed;
    private final ChangeCapture attached;
    private final ChangeCapture followedUp;

    public CorrespondenceStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, ChangeCapture.NONE, ChangeCapture.NONE, ChangeCapture.NONE);
    }

    /**
     * @param changed    captures each registered or edited record for headquarters, in the write's transaction
     * @param attached   the same for each attachment
     * @param followedUp the same for each follow-up action recorded or changed
     */
    public CorrespondenceStore(DataSource dataSource, Clock clock, ChangeCapture changed, ChangeCapture attached, ChangeCapture followedUp) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.changed = changed;
        this.attached = attached;
        this.followedUp = followedUp;
    }

    public ListPage<Correspondence> find(CorrespondenceQuery q) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        try (Connection c = dataSource.getConnection()) {
            int total;
            // counted without the join to the missions: on a list of every office it doubled the count's cost
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM correspondence c" + where)) {
                bind(s, args);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            if (total <= q.page() * q.size()) {
                // nothing on this page (a search that found nothing, a page past the end): no second read
                return new ListPage<>(List.of(), total, q.page(), q.size());
            }
            String direction = q.descending() ? " DESC" : " ASC";
            // the tie-breaker follows the direction, so that newest-first matches the correspondence_recent index
            String order = " ORDER BY " + q.sort().column + direction + ", c.id" + direction;
            try (PreparedStatement s = c.prepareStatement(select(q) + where + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                bind(s, args);
                s.setInt(args.size() + 1, q.page() * q.size());
                s.setInt(args.size() + 2, q.size());
                List<Correspondence> items = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
                return new ListPage<>(items, total, q.page(), q.size());
            }
        }
    }

    /** The record, unless it does not exist or lies outside the scope (a mission node's own mission). */
    public Optional<Correspondence> get(String id, String scopeMissionCode) throws SQLException {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        String sql = SELECT + " WHERE c.id = ?" + (scopeMissionCode == null ? "" : " AND m.code = ?");
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

    public Correspondence create(CorrespondenceDraft d, String actor) throws SQLException {
        return create(d, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry and event, in the write's transaction and before its sync capture */
    public Correspondence create(CorrespondenceDraft d, String actor, ChangeCapture audited) throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO correspondence (mission_id, counterpart, counterpart_name, classification, country, reference_no,"
                            + " document_date, received_date, subject, summary, status, search_key, id, version, created_at, created_by,"
                            + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
                int i = bindDraft(s, d);
                s.setString(i++, id);
                s.setTimestamp(i++, now);
                s.setString(i++, actor);
                s.setTimestamp(i++, now);
                s.setString(i, actor);
                s.executeUpdate();
            }
            audited.changed(c, id);
            changed.changed(c, id);
            return null;
        });
        return get(id, null).orElseThrow();
    }

    public Correspondence update(String id, int expectedVersion, CorrespondenceDraft d, String actor)
            throws SQLException, StaleEditException {
        return update(id, expectedVersion, d, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry and event, in the write's transaction and before its sync capture */
    public Correspondence update(String id, int expectedVersion, CorrespondenceDraft d, String actor, ChangeCapture audited)
            throws SQLException, StaleEditException {
        // a record received from a mission is that mission's to edit: the version check never matches it here
        int updated = Transactions.updateAndCapture(dataSource, id, Recorded.then(audited, changed), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE correspondence SET mission_id = ?, counterpart = ?, counterpart_name = ?, classification = ?, country = ?,"
                            + " reference_no = ?, document_date = ?, received_date = ?, subject = ?, summary = ?, status = ?, search_key = ?,"
                            + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND received_from IS NULL")) {
                int i = bindDraft(s, d);
                s.setTimestamp(i++, Timestamp.from(clock.instant()));
                s.setString(i++, actor);
                s.setString(i++, id);
                s.setInt(i, expectedVersion);
                return s.executeUpdate();
            }
        });
        Correspondence now = get(id, null).orElseThrow(() -> new SQLException("correspondence " + id + " vanished during the edit"));
        if (updated == 0) {
            throw new StaleEditException(id, now.version(), now);
        }
        return now;
    }

    public Attachment attach(String correspondenceId, StoredDocument document, String actor) throws SQLException {
        return attach(correspondenceId, document, actor, ChangeCapture.NONE);
    }

    /** @param audited called with the attachment's id in the write's transaction, before its sync capture */
    public Attachment attach(String correspondenceId, StoredDocument document, String actor, ChangeCapture audited) throws SQLException {
        Attachment a = new Attachment(UUID.randomUUID().toString(), correspondenceId, document.id(), document.fileName(),
                document.mediaType(), document.size(), document.sha256(), clock.instant(), actor);
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO correspondence_attachment (id, correspondence_id, document_id, file_name, media_type, size_bytes, sha256,"
                            + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, a.id());
                s.setString(2, a.correspondenceId());
                s.setString(3, a.documentId());
                s.setString(4, a.fileName());
                s.setString(5, a.mediaType());
                s.setLong(6, a.size());
                s.setString(7, a.sha256());
                s.setTimestamp(8, Timestamp.from(a.createdAt()));
                s.setString(9, actor);
                s.executeUpdate();
            }
            audited.changed(c, a.id());
            attached.changed(c, a.id());
            return null;
        });
        return a;
    }

    public List<Attachment> attachments(String correspondenceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, correspondence_id, document_id, file_name, media_type, size_bytes, sha256, created_at, created_by"
                        + " FROM correspondence_attachment WHERE correspondence_id = ? ORDER BY created_at, id")) {
            s.setString(1, correspondenceId);
            List<Attachment> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
            return list;
        }
    }

    public FollowUp addFollowUp(String correspondenceId, String action, String owner, LocalDate deadline, String actor)
            throws SQLException {
        return addFollowUp(correspondenceId, action, owner, deadline, actor, ChangeCapture.NONE);
    }

    /** @param audited called with the follow-up's id in the write's transaction, before its sync capture */
    public FollowUp addFollowUp(String correspondenceId, String action, String owner, LocalDate deadline, String actor,
            ChangeCapture audited) throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO follow_up (id, correspondence_id, action, owner, deadline, status, version, created_at, created_by,"
                            + " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'OPEN', 1, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, correspondenceId);
                s.setString(3, action);
                s.setString(4, owner);
                s.setDate(5, Date.valueOf(deadline));
                s.setTimestamp(6, now);
                s.setString(7, actor);
                s.setTimestamp(8, now);
                s.setString(9, actor);
                s.executeUpdate();
            }
            audited.changed(c, id);
            followedUp.changed(c, id);
            return null;
        });
        return new FollowUp(id, correspondenceId, action, owner, deadline, FollowUpStatus.OPEN, 1, null);
    }

    /**
     * Sets a follow-up's status if it is still at the version the user saw. One received from a mission is that
     * mission's to change: the version check never matches it here.
     */
    public void setFollowUpStatus(String followUpId, int expectedVersion, FollowUpStatus status, String actor)
            throws SQLException, StaleEditException {
        setFollowUpStatus(followUpId, expectedVersion, status, actor, ChangeCapture.NONE);
    }

    /** @param audited called in the write's transaction when the status changed, before its sync capture */
    public void setFollowUpStatus(String followUpId, int expectedVersion, FollowUpStatus status, String actor, ChangeCapture audited)
            throws SQLException, StaleEditException {
        int updated = Transactions.updateAndCapture(dataSource, followUpId, Recorded.then(audited, followedUp), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE follow_up SET status = ?, version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE id = ? AND version = ? AND received_from IS NULL")) {
                s.setString(1, status.name());
                s.setTimestamp(2, Timestamp.from(clock.instant()));
                s.setString(3, actor);
                s.setString(4, followUpId);
                s.setInt(5, expectedVersion);
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new StaleEditException(followUpId, -1, null);
        }
    }

    public List<FollowUp> followUps(String correspondenceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, correspondence_id, action, owner, deadline, status, version, received_from FROM follow_up"
                        + " WHERE correspondence_id = ? ORDER BY deadline, id")) {
            s.setString(1, correspondenceId);
            List<FollowUp> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    list.add(new FollowUp(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), FollowUpStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8)));
                }
            }
            return list;
        }
    }

    private static int bindDraft(PreparedStatement s, CorrespondenceDraft d) throws SQLException {
        int i = 1;
        s.setString(i++, d.missionId());
        s.setString(i++, d.counterpart().name());
        s.setString(i++, d.counterpartName());
        s.setString(i++, d.classification().name());
        s.setString(i++, d.country());
        s.setString(i++, d.referenceNo());
        s.setDate(i++, Date.valueOf(d.documentDate()));
        if (d.receivedDate() == null) {
            s.setNull(i++, Types.DATE);
        } else {
            s.setDate(i++, Date.valueOf(d.receivedDate()));
        }
        s.setString(i++, d.subject());
        s.setString(i++, d.summary());
        s.setString(i++, d.status().name());
        s.setString(i++, searchKey(d.referenceNo(), d.subject(), d.summary(), d.counterpartName()));
        return i;
    }

    /**
     * What a text search matches a letter on: its reference, subject, summary and counterpart, folded
     * ({@link ArabicText#fold}). Derived, so a copy received from a mission computes its own rather than
     * carrying it over the link.
     */
    public static String searchKey(String referenceNo, String subject, String summary, String counterpartName) {
        String key = ArabicText.fold(String.join(" ", referenceNo, subject, summary == null ? "" : summary,
                counterpartName == null ? "" : counterpartName));
        return key.length() > 4000 ? key.substring(0, 4000) : key;
    }

    /**
     * The index pays when the page is found early in date order, a text search included: its matches are met
     * newest first and the read stops after the page (at 10,000 letters a common phrase's first page took a
     * quarter of the time of reading and sorting every match; a phrase nothing matches, which the count has already
     * answered without this read, is the worst case at a third more). Not for one mission's records, which the
     * index of the reference to the mission finds.
     */
    private static String select(CorrespondenceQuery q) {
        boolean newestFirst = q.sort() == CorrespondenceQuery.Sort.DATE && q.descending() && q.missionId() == null;
        return newestFirst ? SELECT_NEWEST_FIRST : SELECT;
    }

    private static String where(CorrespondenceQuery q, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (q.scopeMissionCode() != null) {
            // a sub-query, not the joined m.code: the count reads the correspondence alone
            conditions.add("c.mission_id IN (SELECT id FROM mission WHERE code = ?)");
            args.add(q.scopeMissionCode());
        }
        if (q.text() != null) {
            conditions.add("c.search_key LIKE ? ESCAPE '\\'");
            args.add("%" + ArabicText.fold(q.text()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.missionId() != null) {
            conditions.add("c.mission_id = ?");
            args.add(q.missionId());
        }
        if (q.country() != null) {
            conditions.add("c.country = ?");
            args.add(q.country());
        }
        if (q.classification() != null) {
            conditions.add("c.classification = ?");
            args.add(q.classification().name());
        }
        if (q.from() != null) {
            conditions.add("c.document_date >= ?");
            args.add(Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            conditions.add("c.document_date <= ?");
            args.add(Date.valueOf(q.to()));
        }
        if (q.status() != null) {
            conditions.add("c.status = ?");
            args.add(q.status().name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement s, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            s.setObject(i + 1, args.get(i));
        }
    }

    private static Correspondence read(ResultSet rs) throws SQLException {
        Date received = rs.getDate("received_date");
        return new Correspondence(rs.getString("id"), rs.getString("mission_id"), rs.getString("code"),
                LocalizedText.of(rs.getString("name_ar"), rs.getString("name_en"), rs.getString("name_fr")),
                Counterpart.valueOf(rs.getString("counterpart")), rs.getString("counterpart_name"),
                Classification.valueOf(rs.getString("classification")), rs.getString("country"), rs.getString("reference_no"),
                rs.getDate("document_date").toLocalDate(), received == null ? null : received.toLocalDate(), rs.getString("subject"),
                rs.getString("summary"), CorrespondenceStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getString("received_from"));
    }

    static boolean isUuid(String id) {
        return id != null && id.length() == 36 && id.matches("[0-9a-f-]{36}");
    }

}
