package org.diwan.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import javax.inject.Inject;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/** The message bus inside the distribution: the broker's jakarta ConnectionFactory carries a persistent message. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MessagingIT {

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    @Filter(value = "(diwan.messaging=local)", timeout = 60_000)
    private ConnectionFactory connections;

    @Configuration
    public Option[] config() {
        return DiwanContainer.options();
    }

    @Test
    public void aPersistentMessageRoundTripsThroughTheConnectionFactoryService() {
        try (JMSContext jms = connections.createContext()) {
            Queue queue = jms.createQueue("diwan.test.roundtrip");
            jms.createProducer().setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT).send(queue, "مرحبا من الناقل");
            try (JMSConsumer consumer = jms.createConsumer(queue)) {
                TextMessage received = (TextMessage) consumer.receive(10_000);
                assertNotNull("message received", received);
                assertEquals("مرحبا من الناقل", received.getText());
            } catch (jakarta.jms.JMSException e) {
                throw new AssertionError(e);
            }
        }
    }
}
