package org.diwan.api.sync;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/** Where a plugin records a change of a synced record, in the transaction that makes it. */
@ProviderType
public interface SyncOutbox {

    /**
     * Adds the change to the node's outbox through the caller's connection, so that it commits or rolls back
     * with the caller's write. Call it after the write, with the record's new version. On a node that is not
     * the type's owner, or a node with no link, the change is kept all the same: a link enrolled later sends it.
     *
     * <p>A plugin's {@link SyncedType#apply} never captures: what arrives from the other side does not go back.
     *
     * @throws SQLException as the caller's own statements would
     */
    void capture(Connection connection, SyncChange change) throws SQLException;

    /**
     * Sends a stored document's content to the other side along with the records, on a queue of its own so
     * that a large file never holds them up; the copy keeps the document's id ({@code Documents.storeCopy}).
     * Capture it in the transaction that makes a synced record name the document: the record may arrive
     * first, and its apply waits ({@link Applied#DEFERRED}) until the document is there. Mission to
     * headquarters only for now.
     *
     * @param missionCode the mission the document belongs to
     */
    void captureDocument(Connection connection, String documentId, String missionCode) throws SQLException;
}
