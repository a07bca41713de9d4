package org.diwan.api.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The node's audit trail. Every state change in core and in plugins writes one entry here. */
@ProviderType
public interface AuditLog {

    /** Writes the entry in a transaction of its own: for what has no transaction (a login, a setting). */
    void record(AuditEntry entry);

    /**
     * Writes the entry through the caller's connection, so that it commits or rolls back with the change it
     * records: never a change without its entry, never an entry for a change that did not happen.
     *
     * @throws SQLException as the caller's own statements would
     */
    void record(Connection connection, AuditEntry entry) throws SQLException;

    /** Entries newest first, for the audit viewer. */
    List<AuditEntry> recent(int offset, int limit);
}
