package org.diwan.sync.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncReport;
import org.diwan.api.sync.SyncedType;

/**
 * Headquarters' receiving side as the node wires it, without a broker: the applier, its parking in a real Derby
 * {@code sync} schema, and the administrator's report. For unit tests of synced types, here and in plugins
 * (shipped in this bundle's test jar): what a plugin's changes become when they arrive at headquarters.
 */
public final class TestReceiver {

    private record Headquarters(String nodeId, NodeRole role, Optional<String> missionCode) implements NodeInfo {
    }

    /** A change and the mission whose login sent it. */
    public record Sent(String sender, SyncChange change) {
    }

    private final ChangeApplier applier;
    private final SyncAdminService admin;

    /**
     * @param sync  a {@code sync} schema migrated by {@code TestDatabase}
     * @param types the record types registered on headquarters
     */
    public TestReceiver(DataSource sync, SyncedType... types) {
        NodeInfo node = new Headquarters("hq", NodeRole.HQ, Optional.empty());
        TypeRegistry registry = new TypeRegistry();
        for (SyncedType type : types) {
            registry.add(type);
        }
        SyncActivity activity = new SyncActivity(sync);
        applier = new ChangeApplier(registry, new ParkedStore(sync, Clock.systemUTC()), node, activity);
        admin = new SyncAdminService(sync, registry, applier, activity, node, Clock.systemUTC());
    }

    /**
     * Changes as they arrive in one batch from a mission's link, {@code sender} being the mission its broker login
     * proves; returns how many new versions were stored.
     */
    public int receive(String sender, List<SyncChange> changes) throws Exception {
        return receive(changes.stream().map(c -> new Sent(sender, c)).toList());
    }

    /** Changes from several missions in one batch, in this order. */
    public int receive(List<Sent> batch) throws Exception {
        int applied = applier.receiveAll(batch.stream().map(s -> new ChangeApplier.Received(s.change(), s.sender())).toList());
        applier.afterBatch(applied > 0);
        return applied;
    }

    /** What the administrator sees set aside. */
    public List<SyncReport.Parked> setAside() {
        return admin.report().failed();
    }

    /** Changes waiting for what they refer to. */
    public long waiting() {
        return admin.report().deferred();
    }

    /** The administrator's "try again". */
    public int retry() {
        return admin.retryParked();
    }
}
