package org.diwan.sync.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.Enrolment;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncQueues;
import org.diwan.persistence.internal.TestDatabase;

/**
 * One node's sync, wired by hand as DS wires it: its own Derby database (sync schema and a notes plugin), the
 * relay and a receiver on the shared test broker.
 */
final class TestNode implements AutoCloseable {

    record Identity(String nodeId, NodeRole role, Optional<String> missionCode) implements NodeInfo {
    }

    final TestDatabase database;
    final DataSource sync;
    final SyncActivity activity;
    final TypeRegistry types = new TypeRegistry();
    final ChangeApplier applier;
    final NotesType notes;
    final JdbcOutbox outbox;
    final SyncAdminService admin;
    private OutboxRelay relay;
    private final NodeInfo node;
    private final ConnectionFactory factory;
    private final MissionLinks links;
    private final ChangeReceiver receiver;

    /**
     * @param notesOwner who owns notes in this test
     * @param missionCode this node's mission, or {@code null} for headquarters
     */
    TestNode(Path folder, TestBroker broker, NodeRole notesOwner, String missionCode, List<String> enrolled) throws Exception {
        NodeRole role = missionCode == null ? NodeRole.HQ : NodeRole.MISSION;
        NodeInfo node = new Identity(role.name(), role, Optional.ofNullable(missionCode));
        database = TestDatabase.create(folder);
        sync = database.migrate("sync");
        activity = new SyncActivity(sync);
        outbox = new JdbcOutbox(activity);
        notes = new NotesType(database.migrate("notes"), notesOwner, outbox);
        applier = new ChangeApplier(types, new ParkedStore(sync, java.time.Clock.systemUTC()), node, activity);
        admin = new SyncAdminService(sync, types, applier, activity, node, java.time.Clock.systemUTC());
        ConnectionFactory factory = broker.factory(missionCode == null ? "diwan" : missionCode);
        this.node = node;
        this.factory = factory;
        this.links = links(enrolled);
        relay = new OutboxRelay(new OutboxStore(sync), factory, node, types, activity, null, links);
        String queue = role == NodeRole.HQ ? SyncQueues.INBOUND : SyncQueues.toMission(missionCode);
        receiver = new ChangeReceiver(role.name(), factory, queue, role == NodeRole.HQ, applier, activity, Duration.ofMillis(100),
                Duration.ofMillis(500));
    }

    TestNode start() {
        relay.start();
        receiver.start();
        return this;
    }

    /** Stops the relay: changes wait in the outbox, as while a node's relay is down. */
    void stopRelay() {
        relay.stop();
    }

    /** The relay as after a node restart: a new one, on the same outbox. */
    void restartRelay() {
        relay.stop();
        relay = new OutboxRelay(new OutboxStore(sync), factory, node, types, activity, null, links);
        relay.start();
    }

    void registerNotes() {
        types.add(notes);
    }

    @Override
    public void close() {
        receiver.stop();
        relay.stop();
        database.close();
    }

    private static MissionLinks links(List<String> enrolled) {
        return new MissionLinks() {
            @Override
            public Enrolment enrol(String missionCode) {
                throw new UnsupportedOperationException("not in this test");
            }

            @Override
            public boolean revoke(String missionCode) {
                return false;
            }

            @Override
            public List<String> enrolled() {
                return enrolled;
            }
        };
    }
}
