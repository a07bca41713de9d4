package org.diwan.integration.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A real Artemis 2.57 broker in this JVM (in-VM acceptor only, nothing persisted, no security), and the jakarta
 * client 2.56 factory the messaging bundle hands to Camel in Karaf.
 */
final class TestBroker implements AutoCloseable {

    /** In-VM server ids are global to the JVM: each broker of the test run gets its own. */
    private static final AtomicInteger IDS = new AtomicInteger(40);

    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final ActiveMQConnectionFactory factory;

    private TestBroker(Path folder) throws Exception {
        int id = IDS.incrementAndGet();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("test-broker-" + id);
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setBrokerInstance(folder.toFile());
        config.setJournalDirectory(folder.resolve("journal").toString());
        config.setBindingsDirectory(folder.resolve("bindings").toString());
        config.setPagingDirectory(folder.resolve("paging").toString());
        config.setLargeMessagesDirectory(folder.resolve("large").toString());
        config.addAcceptorConfiguration("in-vm", "vm://" + id);
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("DLQ"))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        server.setConfiguration(config);
        server.start();
        factory = new ActiveMQConnectionFactory("vm://" + id);
    }

    static TestBroker start(Path folder) throws Exception {
        return new TestBroker(folder);
    }

    ConnectionFactory factory() {
        return factory;
    }

    /** Publishes a text message with string properties to a topic (a multicast address). */
    void publishText(String topic, String text, Map<String, String> properties) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, session.createTopic(topic), withProperties(session.createTextMessage(text), properties));
        }
    }

    /** Publishes a bytes message with string properties to a topic. */
    void publishBytes(String topic, byte[] bytes, Map<String, String> properties) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(bytes);
            send(session, session.createTopic(topic), withProperties(message, properties));
        }
    }

    /** Sends a text message to a queue (an anycast address). */
    void sendToQueue(String queue, String text, Map<String, String> properties) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            send(session, session.createQueue(queue), withProperties(session.createTextMessage(text), properties));
        }
    }

    /** Sends a bytes message to a queue. */
    void sendBytesToQueue(String queue, byte[] bytes, Map<String, String> properties) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(bytes);
            send(session, session.createQueue(queue), withProperties(message, properties));
        }
    }

    /** Messages waiting in a queue, e.g. a durable subscription's ({@code <clientId>.<subscriptionName>}). */
    long messagesIn(String queue) {
        var found = server.getActiveMQServer().locateQueue(queue);
        return found == null ? -1 : found.getMessageCount();
    }

    private static Message withProperties(Message message, Map<String, String> properties) throws JMSException {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        return message;
    }

    private static void send(Session session, Destination destination, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(destination)) {
            producer.send(message);
        }
    }

    /** As the messaging bundle does: the factory (closing its connections quietly) first, then the broker. */
    @Override
    public void close() throws Exception {
        factory.close();
        server.stop();
    }
}
