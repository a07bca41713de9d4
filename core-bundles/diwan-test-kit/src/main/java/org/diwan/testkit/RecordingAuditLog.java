package org.diwan.testkit;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;

/**
 * An audit trail kept in memory, for tests of what a service audits. It ignores the connection it is handed: a test
 * of the audit row's rollback with the change needs the real trail ({@code diwan-audit}'s {@code JdbcAuditLog} on a
 * {@link org.diwan.persistence.internal.TestDatabase}).
 */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public void record(Connection connection, AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> recent(int offset, int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        return newestFirst.subList(Math.min(offset, newestFirst.size()), Math.min(offset + limit, newestFirst.size()));
    }

    /** Everything recorded, oldest first. */
    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The actions recorded, oldest first ({@code missions.registry.create}, …). */
    public List<String> actions() {
        return entries.stream().map(AuditEntry::action).toList();
    }
}
