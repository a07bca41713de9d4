package org.diwan.sync.internal;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncQueues;

/** A change as a JMS message: the payload as the text body, the rest as properties. */
final class ChangeMessages {

    private static final String PROPERTY_DELETED = "diwanDeleted";

    private ChangeMessages() {
    }

    static TextMessage toMessage(Session session, SyncChange change, String duplicateId) throws JMSException {
        TextMessage message = session.createTextMessage(change.payload() == null ? "" : change.payload());
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
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("not a text message: " + message.getClass().getSimpleName());
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
                deleted ? null : text.getText());
    }
}
