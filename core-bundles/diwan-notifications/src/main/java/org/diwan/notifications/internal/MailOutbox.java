package org.diwan.notifications.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.i18n.Language;

/** The {@code notifications.mail_outbox} table: mails written with their notification, read and removed by {@link MailRelay}. */
final class MailOutbox {

    /** A queued mail with its row id and the duplicate id its message carries. */
    record Entry(long id, String mailId, OutgoingMail mail) {
    }

    private final DataSource dataSource;

    MailOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** On the caller's connection, schema-qualified: it belongs to the caller's transaction and schema. */
    static void add(Connection connection, OutgoingMail mail, Instant at) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO notifications.mail_outbox"
                + " (mail_id, address, language, subject, body_text, body_html, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, mail.to());
            s.setString(3, mail.language().tag());
            s.setString(4, mail.subject());
            s.setString(5, mail.text());
            s.setString(6, mail.html());
            s.setTimestamp(7, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    List<Entry> oldest(int limit) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, mail_id, address, language, subject, body_text, body_html FROM notifications.mail_outbox ORDER BY id"
                        + " FETCH FIRST ? ROWS ONLY")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    OutgoingMail mail = new OutgoingMail(rs.getString(3), rs.getString(5),
                            Language.fromTag(rs.getString(4)).orElse(Language.DEFAULT), rs.getString(6), rs.getString(7));
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), mail));
                }
            }
        }
        return entries;
    }

    void remove(List<Entry> entries) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM notifications.mail_outbox WHERE id = ?")) {
            for (Entry entry : entries) {
                s.setLong(1, entry.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    int size() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM notifications.mail_outbox");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
