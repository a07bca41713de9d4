package org.diwan.sync.internal;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import org.diwan.api.documents.StoredDocument;
import org.diwan.api.sync.SyncQueues;

/**
 * A document's content as a message: its metadata as properties, its bytes streamed by the broker as a large
 * message (Artemis reads the stream handed over in {@value #INPUT_STREAM} chunk by chunk, never whole).
 */
final class DocumentMessages {

    /** The outbox entries that name a document to send along rather than a record. */
    static final String TYPE = "sync.document";
    /** Artemis's JMS extension: the body is read from this stream as the message is sent. */
    static final String INPUT_STREAM = "JMS_AMQ_InputStream";

    private static final String ID = "diwanDocument";
    private static final String OWNER = "diwanOwner";
    private static final String FILE_NAME = "diwanFileName";
    private static final String MEDIA_TYPE = "diwanMediaType";
    private static final String SIZE = "diwanSize";
    private static final String SHA256 = "diwanSha256";
    private static final String CREATED = "diwanCreated";
    private static final String CREATED_BY = "diwanCreatedBy";

    private DocumentMessages() {
    }

    static BytesMessage toMessage(Session session, StoredDocument d, InputStream content, String missionCode) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.setStringProperty(ID, d.id());
        message.setStringProperty(OWNER, d.owner());
        message.setStringProperty(FILE_NAME, d.fileName());
        message.setStringProperty(MEDIA_TYPE, d.mediaType());
        message.setLongProperty(SIZE, d.size());
        message.setStringProperty(SHA256, d.sha256());
        message.setStringProperty(CREATED, d.created().toString());
        message.setStringProperty(CREATED_BY, d.createdBy());
        if (missionCode != null) {
            message.setStringProperty(SyncQueues.PROPERTY_MISSION, missionCode);
        }
        message.setStringProperty(SyncQueues.PROPERTY_DUPLICATE_ID, TYPE + ":" + d.id());
        message.setObjectProperty(INPUT_STREAM, content);
        return message;
    }

    /**
     * The document a message describes.
     *
     * @throws IllegalArgumentException when the message is not a document of this version of Diwan
     */
    static StoredDocument fromMessage(Message message) throws JMSException {
        if (!(message instanceof BytesMessage) || message.getStringProperty(ID) == null || !message.propertyExists(SIZE)) {
            throw new IllegalArgumentException("not a document message");
        }
        try {
            return new StoredDocument(message.getStringProperty(ID), message.getStringProperty(OWNER), message.getStringProperty(FILE_NAME),
                    message.getStringProperty(MEDIA_TYPE), message.getLongProperty(SIZE), message.getStringProperty(SHA256),
                    Instant.parse(message.getStringProperty(CREATED)), message.getStringProperty(CREATED_BY));
        } catch (NullPointerException | DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("document message with missing or malformed metadata: " + e.getMessage());
        }
    }

    /** The body of a received document message as a stream, read from the broker as it is consumed. */
    static InputStream body(BytesMessage message) {
        return new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                try {
                    if (offset == 0) {
                        return message.readBytes(buffer, length);
                    }
                    byte[] part = new byte[length];
                    int n = message.readBytes(part, length);
                    if (n > 0) {
                        System.arraycopy(part, 0, buffer, offset, n);
                    }
                    return n;
                } catch (JMSException e) {
                    throw new java.io.IOException("document body not readable: " + e.getMessage(), e);
                }
            }
        };
    }
}
