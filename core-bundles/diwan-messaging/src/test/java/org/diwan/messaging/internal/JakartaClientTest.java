package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published ConnectionFactory is artemis-jakarta-client 2.56.0 (2.57.0 is not on the mirror) running over
 * artemis-core-client 2.57.0: this is the proof that the pair works, in-VM, with persistent messages.
 */
class JakartaClientTest {

    @TempDir
    Path folder;

    @Test
    void jakartaClient256WorksOverCoreClient257() {
        assertThat(jarOf(ActiveMQConnectionFactory.class)).contains("artemis-jakarta-client-2.56.0");
        assertThat(jarOf(ServerLocator.class)).contains("artemis-core-client-2.57.0");
    }

    @Test
    void sendsAndReceivesAPersistentMessageThroughThePublishedFactory() throws Exception {
        try (TestBroker broker = TestBroker.start(folder)) {
            try (Connection connection = broker.published.createConnection()) {
                Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                Queue queue = session.createQueue("diwan.test.jakarta");
                MessageProducer producer = session.createProducer(queue);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(session.createTextMessage("رسالة دائمة"));

                MessageConsumer consumer = session.createConsumer(queue);
                connection.start();
                Message received = consumer.receive(5_000);
                assertThat(received).isInstanceOf(TextMessage.class);
                assertThat(((TextMessage) received).getText()).isEqualTo("رسالة دائمة");
                assertThat(received.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
                received.acknowledge();
                assertThat(consumer.receive(300)).isNull();
            }
            assertThat(broker.broker.server().locateQueue("diwan.test.jakarta").getMessageCount()).isZero();
        }
    }

    @Test
    void publishedFactoryRefusesOtherCredentials() throws Exception {
        try (TestBroker broker = TestBroker.start(folder)) {
            assertThatThrownBy(() -> broker.published.createConnection("guest", "guest").close())
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    private static String jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().toString();
    }
}
