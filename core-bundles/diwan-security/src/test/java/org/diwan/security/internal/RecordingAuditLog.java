package org.diwan.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;

/** Keeps audit entries in memory, for unit tests of what gets audited. */
final class RecordingAuditLog implements AuditLog {

    final List<AuditEntry> entries = new ArrayList<>();
    /** When set, an entry written with a change fails, as a full disk or a broken audit schema would: the change must go too. */
    boolean failWithChange;

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public void record(java.sql.Connection connection, AuditEntry entry) throws java.sql.SQLException {
        if (failWithChange) {
            throw new java.sql.SQLException("audit entry not written (forced)");
        }
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> recent(int offset, int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(Math.min(offset, newestFirst.size()), Math.min(offset + limit, newestFirst.size()));
    }

    List<String> actions() {
        return entries.stream().map(AuditEntry::action).toList();
    }
}
