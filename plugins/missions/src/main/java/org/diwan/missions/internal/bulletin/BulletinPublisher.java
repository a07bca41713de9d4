package org.diwan.missions.internal.bulletin;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.diwan.api.i18n.Language;

/**
 * Announces an issued bulletin on the node's bus, on the multicast address {@value #ADDRESS}: per language one
 * text message with the HTML and one bytes message with the PDF, both persistent, with the properties the
 * shipped delivery route and other subscribers select on.
 */
public final class BulletinPublisher {

    public static final String ADDRESS = "diwan.events.missions.bulletin-issued";

    private final ConnectionFactory connections;

    public BulletinPublisher(ConnectionFactory connections) {
        this.connections = connections;
    }

    public void publish(Bulletin bulletin, Language language, String title, String html, byte[] pdf) {
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            Topic topic = context.createTopic(ADDRESS);
            JMSProducer producer = context.createProducer();
            TextMessage text = context.createTextMessage(html);
            describe(text, bulletin, language, title, "html");
            producer.send(topic, text);
            BytesMessage bytes = context.createBytesMessage();
            bytes.writeBytes(pdf);
            describe(bytes, bulletin, language, title, "pdf");
            producer.send(topic, bytes);
            // both formats or neither: a subscriber never sees half an issue
            context.commit();
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("bulletin " + bulletin.month() + " not announced: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static void describe(Message message, Bulletin bulletin, Language language, String title, String format)
            throws jakarta.jms.JMSException {
        message.setStringProperty("DiwanBulletinId", bulletin.id());
        message.setStringProperty("DiwanBulletinMonth", bulletin.month().toString());
        message.setStringProperty("DiwanBulletinTitle", title);
        message.setStringProperty("DiwanLanguage", language.tag());
        message.setStringProperty("DiwanFormat", format);
    }
}
