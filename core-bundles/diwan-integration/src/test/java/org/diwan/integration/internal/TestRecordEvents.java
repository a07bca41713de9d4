package org.diwan.integration.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.events.Announcements;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.persistence.internal.TestDatabase;

/**
 * The node's real {@link RecordEvents} over a plugin test's database (the events schema migrated beside the plugin's),
 * and what it holds: a plugin's test proves its events commit and roll back with its changes. Shipped in
 * diwan-integration's test jar; depend on it with every transitive dependency excluded (Camel is not needed).
 */
public final class TestRecordEvents {

    /** One event as it waits in the outbox. */
    public record Waiting(String address, String type, String recordId, long version, String actor, String body) {
    }

    private final DataSource events;
    private final RecordEvents service;

    private TestRecordEvents(DataSource events) {
        this.events = events;
        this.service = new JdbcRecordEvents("test-node", new EventBell());
    }

    public static TestRecordEvents in(TestDatabase database) throws IOException, URISyntaxException {
        return new TestRecordEvents(database.migrate("events"));
    }

    public RecordEvents service() {
        return service;
    }

    /** The node's real {@link Announcements}, writing to the same outbox. */
    public Announcements announcements() {
        return (Announcements) service;
    }

    /** The events committed so far, oldest first. */
    public List<Waiting> waiting() throws SQLException {
        List<Waiting> waiting = new ArrayList<>();
        for (EventOutbox.Entry e : new EventOutbox(events).oldest(10_000)) {
            waiting.add(new Waiting(e.address(), e.type(), e.recordId(), e.version(), e.actor(), e.body()));
        }
        return waiting;
    }

    /** A NodeInfo for components that want one. */
    public static NodeInfo node() {
        return new NodeInfo() {
            @Override
            public String nodeId() {
                return "test-node";
            }

            @Override
            public NodeRole role() {
                return NodeRole.HQ;
            }

            @Override
            public Optional<String> missionCode() {
                return Optional.empty();
            }
        };
    }
}
