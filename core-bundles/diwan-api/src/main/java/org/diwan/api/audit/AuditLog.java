package org.diwan.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The node's audit trail. Every state change in core and in plugins writes one entry here. */
@ProviderType
public interface AuditLog {

    void record(AuditEntry entry);

    /** Entries newest first, for the audit viewer. */
    List<AuditEntry> recent(int offset, int limit);
}
