package org.diwan.sync.internal;

import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On headquarters: stores the documents missions send (their attachments' content) as copies under the same
 * ids, one message at a time, each committed after the copy is stored; then offers the changes that waited for a
 * document to their plugins again. A document arrives from the mission it belongs to, or not at all.
 */
final class DocumentReceiver extends QueueReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentReceiver.class);

    private final Documents documents;
    private final ChangeApplier applier;

    DocumentReceiver(ConnectionFactory factory, Documents documents, ChangeApplier applier, SyncActivity activity) {
        super("files-from-missions", factory, SyncQueues.INBOUND_FILES, activity, Duration.ofMillis(500), Duration.ofSeconds(15));
        this.documents = documents;
        this.applier = applier;
    }

    @Override
    void consume(Session session, MessageConsumer consumer) throws Exception {
        while (reading()) {
            Message message = consumer.receive(POLL_MILLIS);
            if (message == null) {
                continue;
            }
            boolean stored;
            try {
                stored = store(message);
                session.commit();
            } catch (Exception e) {
                rollback(session);
                throw e;
            }
            activity.received(1);
            applier.afterBatch(stored);
        }
    }

    private boolean store(Message message) throws Exception {
        StoredDocument original;
        try {
            original = DocumentMessages.fromMessage(message);
        } catch (IllegalArgumentException e) {
            LOG.error("Sync: message {} on {} dropped: {}", message.getJMSMessageID(), queue, e.getMessage());
            return false;
        }
        String sender = message.getStringProperty(SyncQueues.PROPERTY_VALIDATED_USER);
        if (sender == null || !Objects.equals(sender, message.getStringProperty(SyncQueues.PROPERTY_MISSION))) {
            LOG.error("Sync: document {} refused: sent by '{}' for mission '{}'", original.id(), sender,
                    message.getStringProperty(SyncQueues.PROPERTY_MISSION));
            return false;
        }
        if (documents.find(original.id()).isPresent()) {
            return false;
        }
        try (InputStream body = DocumentMessages.body((BytesMessage) message)) {
            documents.storeCopy(original, body);
            return true;
        } catch (DocumentRefused e) {
            // the same bytes would be refused again: the mission's administrator resends after a fix
            LOG.error("Sync: document {} from mission {} refused: {}", original.id(), sender, e.getMessage());
            activity.failed("document " + original.id() + " from " + sender + " refused", e);
            return false;
        }
    }
}
