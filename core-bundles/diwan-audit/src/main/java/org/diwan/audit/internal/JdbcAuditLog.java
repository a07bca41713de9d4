package org.diwan.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail in the {@code audit} schema. Writing is synchronous: a change whose audit row fails fails too. */
@Component(service = AuditLog.class)
public final class JdbcAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int MAX_PAGE = 500;

    private final DataSource dataSource;

    @Activate
    public JdbcAuditLog(@Reference(target = "(diwan.schema=audit)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void record(AuditEntry entry) {
        try (Connection c = dataSource.getConnection()) {
            insert(c, entry);
        } catch (SQLException e) {
            throw new IllegalStateException("audit entry not written: " + entry.action() + " " + entry.target(), e);
        }
        LOG.info("audit: {} {} {} from {}", entry.actor(), entry.action(), entry.target(), entry.address());
    }

    /**
     * The schema-qualified table: the caller's connection belongs to its own schema (missions, library) in the
     * node's one database, as the sync outbox's does.
     */
    @Override
    public void record(Connection connection, AuditEntry entry) throws SQLException {
        insert(connection, entry);
        LOG.info("audit: {} {} {} from {} (with its change)", entry.actor(), entry.action(), entry.target(), entry.address());
    }

    private static void insert(Connection c, AuditEntry entry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit.audit_entry (occurred_at, actor, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(entry.at()));
            s.setString(2, clip(entry.actor(), 64));
            s.setString(3, clip(entry.action(), 100));
            s.setString(4, clip(entry.target(), 200));
            s.setString(5, clip(entry.detail(), 2000));
            s.setString(6, clip(entry.address(), 64));
            s.executeUpdate();
        }
    }

    @Override
    public List<AuditEntry> recent(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT occurred_at, actor, action, target, detail, address FROM audit_entry"
                        + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            s.setInt(1, offset);
            s.setInt(2, Math.min(limit, MAX_PAGE));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail not readable", e);
        }
        return entries;
    }

    /** Longer values are cut rather than refused: an audit row must never block the change it records. */
    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
