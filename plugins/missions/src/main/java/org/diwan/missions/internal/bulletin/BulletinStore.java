package org.diwan.missions.internal.bulletin;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.i18n.Language;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Transactions;
import org.diwan.missions.internal.correspondence.Classification;

/** Bulletins, their items and what was issued, in the {@code missions} schema. */
public final class BulletinStore {

    private final DataSource dataSource;
    private final ChangeCapture issued;
    private final Clock clock;

    public BulletinStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, ChangeCapture.NONE);
    }

    /** @param issued captures an issued bulletin for the missions, in the transaction that issues it */
    public BulletinStore(DataSource dataSource, Clock clock, ChangeCapture issued) {
        this.issued = issued;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Creates the month's bulletin with one item per piece of correspondence dated in the month, grouped by
     * classification then country, in date order within a group; empty when the month has a bulletin already.
     */
    public Optional<String> build(YearMonth month, Bulletin.Texts title, String actor) throws SQLException {
        return build(month, title, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction */
    public Optional<String> build(YearMonth month, Bulletin.Texts title, String actor, ChangeCapture audited) throws SQLException {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO bulletin (id, month, title_ar, title_en, title_fr, status, version,"
                        + " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'DRAFT', 1, ?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setString(2, month.toString());
                    s.setString(3, title.ar());
                    s.setString(4, title.en());
                    s.setString(5, title.fr());
                    s.setTimestamp(6, now);
                    s.setString(7, actor);
                    s.setTimestamp(8, now);
                    s.setString(9, actor);
                    s.executeUpdate();
                } catch (SQLIntegrityConstraintViolationException exists) {
                    c.rollback();
                    return Optional.empty();
                }
                try (PreparedStatement select = c.prepareStatement("SELECT id, classification, country, subject, summary FROM correspondence"
                        + " WHERE document_date >= ? AND document_date <= ? ORDER BY classification, country, document_date, id");
                        PreparedStatement insert = c.prepareStatement("INSERT INTO bulletin_item (id, bulletin_id, correspondence_id,"
                                + " classification, country, position, included, heading_ar, text_ar) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)")) {
                    select.setDate(1, Date.valueOf(month.atDay(1)));
                    select.setDate(2, Date.valueOf(month.atEndOfMonth()));
                    int position = 0;
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, id);
                            insert.setString(3, rs.getString(1));
                            insert.setString(4, rs.getString(2));
                            insert.setString(5, rs.getString(3));
                            insert.setInt(6, position++);
                            insert.setString(7, rs.getString(4));
                            insert.setString(8, rs.getString(5));
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                audited.changed(c, id);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return Optional.of(id);
    }

    public Optional<Bulletin> get(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return read(c, "WHERE id = ?", id);
        }
    }

    public Optional<Bulletin> byMonth(YearMonth month) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return read(c, "WHERE month = ?", month.toString());
        }
    }

    /** Every bulletin's id, month and state, newest month first. */
    public List<Bulletin> list() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT id FROM bulletin ORDER BY month DESC");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        List<Bulletin> list = new ArrayList<>();
        for (String id : ids) {
            get(id).ifPresent(list::add);
        }
        return list;
    }

    /** Saves the edited texts of a draft if it is still at {@code version}; items not in the edit keep theirs. */
    public void saveDraft(String id, int version, Bulletin.Texts title, Bulletin.Texts intro, List<BulletinItem> items, String actor)
            throws SQLException, StaleEditException {
        saveDraft(id, version, title, intro, items, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction */
    public void saveDraft(String id, int version, Bulletin.Texts title, Bulletin.Texts intro, List<BulletinItem> items, String actor,
            ChangeCapture audited) throws SQLException, StaleEditException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("UPDATE bulletin SET title_ar = ?, title_en = ?, title_fr = ?, intro_ar = ?,"
                        + " intro_en = ?, intro_fr = ?, version = version + 1, updated_at = ?, updated_by = ?"
                        + " WHERE id = ? AND version = ? AND status = 'DRAFT'")) {
                    s.setString(1, title.ar());
                    s.setString(2, title.en());
                    s.setString(3, title.fr());
                    s.setString(4, intro.ar());
                    s.setString(5, intro.en());
                    s.setString(6, intro.fr());
                    s.setTimestamp(7, Timestamp.from(clock.instant()));
                    s.setString(8, actor);
                    s.setString(9, id);
                    s.setInt(10, version);
                    if (s.executeUpdate() == 0) {
                        c.rollback();
                        throw stale(c, id);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("UPDATE bulletin_item SET included = ?, position = ?, heading_ar = ?,"
                        + " heading_en = ?, heading_fr = ?, text_ar = ?, text_en = ?, text_fr = ? WHERE id = ? AND bulletin_id = ?")) {
                    for (BulletinItem item : items) {
                        s.setBoolean(1, item.included());
                        s.setInt(2, item.position());
                        s.setString(3, item.heading().ar());
                        s.setString(4, item.heading().en());
                        s.setString(5, item.heading().fr());
                        s.setString(6, item.text().ar());
                        s.setString(7, item.text().en());
                        s.setString(8, item.text().fr());
                        s.setString(9, item.id());
                        s.setString(10, id);
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
    }

    /** Marks the draft issued with its documents, if it is still at {@code version}. */
    public void markIssued(String id, int version, Map<Language, Bulletin.Issue> issues, String actor) throws SQLException, StaleEditException {
        markIssued(id, version, issues, actor, ChangeCapture.NONE);
    }

    /** @param audited writes the change's audit entry, in the write's transaction and before its sync capture */
    public void markIssued(String id, int version, Map<Language, Bulletin.Issue> issues, String actor, ChangeCapture audited)
            throws SQLException, StaleEditException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("UPDATE bulletin SET status = 'ISSUED', issued_at = ?, issued_by = ?,"
                        + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND status = 'DRAFT'")) {
                    Timestamp now = Timestamp.from(clock.instant());
                    s.setTimestamp(1, now);
                    s.setString(2, actor);
                    s.setTimestamp(3, now);
                    s.setString(4, actor);
                    s.setString(5, id);
                    s.setInt(6, version);
                    if (s.executeUpdate() == 0) {
                        c.rollback();
                        throw stale(c, id);
                    }
                }
                insertIssues(c, id, issues);
                audited.changed(c, id);
                issued.changed(c, id);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A received bulletin's own documents, rendered on this node, in place of any it had. */
    public void replaceIssues(String id, Map<Language, Bulletin.Issue> issues) throws SQLException {
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bulletin_issue WHERE bulletin_id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
            insertIssues(c, id, issues);
            return null;
        });
    }

    private static void insertIssues(Connection c, String id, Map<Language, Bulletin.Issue> issues) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO bulletin_issue (bulletin_id, language, html_document, pdf_document) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Language, Bulletin.Issue> e : issues.entrySet()) {
                s.setString(1, id);
                s.setString(2, e.getKey().tag());
                s.setString(3, e.getValue().htmlDocument());
                s.setString(4, e.getValue().pdfDocument());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The refusal of a write made from an old version (or to an issued bulletin), carrying the bulletin as it is now. */
    private StaleEditException stale(Connection c, String id) throws SQLException {
        Bulletin now = read(c, "WHERE id = ?", id).orElseThrow(() -> new SQLException("bulletin " + id + " is gone"));
        return new StaleEditException(id, now.version(), now);
    }

    private Optional<Bulletin> read(Connection c, String where, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, month, title_ar, title_en, title_fr, intro_ar, intro_en, intro_fr, status,"
                + " issued_at, issued_by, version, updated_by, updated_at FROM bulletin " + where)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                Timestamp issuedAt = rs.getTimestamp(10);
                return Optional.of(new Bulletin(id, YearMonth.parse(rs.getString(2)),
                        new Bulletin.Texts(rs.getString(3), rs.getString(4), rs.getString(5)),
                        new Bulletin.Texts(rs.getString(6), rs.getString(7), rs.getString(8)), items(c, id), "ISSUED".equals(rs.getString(9)),
                        issuedAt == null ? null : issuedAt.toInstant(), rs.getString(11), issues(c, id), rs.getInt(12), rs.getString(13),
                        rs.getTimestamp(14).toInstant()));
            }
        }
    }

    private static List<BulletinItem> items(Connection c, String bulletinId) throws SQLException {
        List<BulletinItem> items = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, correspondence_id, classification, country, position, included, heading_ar,"
                + " heading_en, heading_fr, text_ar, text_en, text_fr FROM bulletin_item WHERE bulletin_id = ? ORDER BY position, id")) {
            s.setString(1, bulletinId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new BulletinItem(rs.getString(1), rs.getString(2), Classification.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getInt(5), rs.getBoolean(6), new Bulletin.Texts(rs.getString(7), rs.getString(8), rs.getString(9)),
                            new Bulletin.Texts(rs.getString(10), rs.getString(11), rs.getString(12))));
                }
            }
        }
        return items;
    }

    private static Map<Language, Bulletin.Issue> issues(Connection c, String bulletinId) throws SQLException {
        Map<Language, Bulletin.Issue> issues = new EnumMap<>(Language.class);
        try (PreparedStatement s = c.prepareStatement("SELECT language, html_document, pdf_document FROM bulletin_issue WHERE bulletin_id = ?")) {
            s.setString(1, bulletinId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Optional<Language> language = Language.fromTag(rs.getString(1));
                    if (language.isPresent()) {
                        issues.put(language.get(), new Bulletin.Issue(rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        return issues;
    }
}
