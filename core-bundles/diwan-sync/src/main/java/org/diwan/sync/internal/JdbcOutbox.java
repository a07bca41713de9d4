package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncOutbox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Captures changes into {@code sync.outbox} through the plugin's own connection, so they share its transaction. */
@Component(service = SyncOutbox.class)
public final class JdbcOutbox implements SyncOutbox {

    private final SyncActivity activity;
    private final Clock clock;

    @Activate
    public JdbcOutbox(@Reference SyncActivity activity) {
        this(activity, Clock.systemUTC());
    }

    JdbcOutbox(SyncActivity activity, Clock clock) {
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public void capture(Connection connection, SyncChange change) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(change, "change");
        OutboxStore.insert(connection, change, clock);
        // Rung before the caller commits: the relay's read then waits on the new row's lock until the commit.
        activity.ring();
    }

    @Override
    public void captureDocument(Connection connection, String documentId, String missionCode) throws SQLException {
        Objects.requireNonNull(documentId, "documentId");
        // an entry the relay recognises by its type: the document's content goes along, on its own queue
        OutboxStore.insert(connection, new SyncChange(DocumentMessages.TYPE, documentId, 1, missionCode, ""), clock);
        activity.ring();
    }
}
