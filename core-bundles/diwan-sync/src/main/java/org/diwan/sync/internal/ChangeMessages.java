package org.diwan.sync.internal;

import java.nio.charset.StandardCharsets;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncQueues;

/**
 * A change as a JMS message: the payload as a UTF-8 body, the rest as properties. Bytes, not a text message:
 * Artemis keeps a text body in UTF-16, twice the size of a mostly-Latin JSON payload on the wire, in both
 * journals and in the TLS link, and the link's throughput is bounded by the CPU those bytes cost.
 */
final class ChangeMessages {

    private static final String PROPERTY_DELETED = "diwanDeleted";

    private ChangeMessages() {
    }

    static BytesMessage toMessage(Session session, SyncChange change, String duplicateId) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        if (change.payload() != null) {
            message.writeBytes(change.payload().getBytes(StandardCharsets.UTF_8));
        }
        message.setStringProperty(SyncQueues.PROPERTY_TYPE, change.type());
        message.setStringProperty(SyncQueues.PROPERTY_RECORD, change.recordId());
        message.setLongProperty(SyncQueues.PROPERTY_VERSION, change.version());
        if (change.missionCode() != null) {
            message.setStringProperty(SyncQueues.PROPERTY_MISSION, change.missionCode());
        }
        message.setBooleanProperty(PROPERTY_DELETED, change.deleted());
        message.setStringProperty(SyncQueues.PROPERTY_DUPLICATE_ID, duplicateId);
        return message;
    }

    /**
     * The change a message carries.
     *
     * @throws IllegalArgumentException when the message is not a well-formed change (the sender is not Diwan,
     *                                  or not this version of it)
     */
    static SyncChange fromMessage(Message message) throws JMSException {
        if (!(message instanceof BytesMessage) && !(message instanceof TextMessage)) {
            throw new IllegalArgumentException("not a change message: " + message.getClass().getSimpleName());
        }
        String type = message.getStringProperty(SyncQueues.PROPERTY_TYPE);
        String record = message.getStringProperty(SyncQueues.PROPERTY_RECORD);
        if (type == null || record == null || !message.propertyExists(SyncQueues.PROPERTY_VERSION)) {
            throw new IllegalArgumentException("message without type, record or version");
        }
        long version;
        try {
            version = message.getLongProperty(SyncQueues.PROPERTY_VERSION);
        } catch (NumberFormatException | JMSException e) {
            throw new IllegalArgumentException("version is not a number");
        }
        boolean deleted = message.propertyExists(PROPERTY_DELETED) && message.getBooleanProperty(PROPERTY_DELETED);
        return new SyncChange(type, record, version, message.getStringProperty(SyncQueues.PROPERTY_MISSION),
                deleted ? null : body(message));
    }

    /** The payload; a text body is what nodes before 0.1 sent, and may still wait in a queue. */
    private static String body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        BytesMessage bytes = (BytesMessage) message;
        long length = bytes.getBodyLength();
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("change body of " + length + " bytes");
        }
        byte[] body = new byte[(int) length];
        bytes.readBytes(body);
        return new String(body, StandardCharsets.UTF_8);
    }
}
