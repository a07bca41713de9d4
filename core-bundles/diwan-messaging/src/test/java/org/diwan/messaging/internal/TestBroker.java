package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/** Starts the component outside OSGi, through its own constructor, on a free loopback port and a temporary folder. */
final class TestBroker implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    final Path folder;
    final int port;
    final EmbeddedBroker broker;
    ConnectionFactory published;
    Dictionary<String, Object> publishedProperties;
    boolean withdrawn;

    private TestBroker(Path folder, int port) throws Exception {
        this.folder = folder;
        this.port = port;
        this.broker = new EmbeddedBroker(config(folder, port), null, (factory, properties) -> {
            published = factory;
            publishedProperties = properties;
            return () -> withdrawn = true;
        });
    }

    static TestBroker start(Path folder) throws Exception {
        return new TestBroker(folder, freePort());
    }

    /** Same folder and port again: what a node restart looks like to the broker. */
    TestBroker restart() throws Exception {
        close();
        return new TestBroker(folder, port);
    }

    @Override
    public void close() {
        if (!withdrawn) {
            broker.deactivate();
        }
    }

    String password() throws IOException {
        return Files.readString(folder.resolve(BrokerCredentials.FILE_NAME), StandardCharsets.US_ASCII).strip();
    }

    /** A CORE session over TCP, as a process on this machine would open it; fails if the broker refuses the login. */
    TcpSession openTcp(String user, String password) throws Exception {
        ServerLocator locator = ActiveMQClient.createServerLocator("tcp://" + LOOPBACK + ":" + port)
                .setCallTimeout(5_000)
                .setReconnectAttempts(0)
                .setInitialConnectAttempts(1);
        ClientSessionFactory factory = null;
        try {
            factory = locator.createSessionFactory();
            ClientSession session = factory.createSession(user, password, false, true, true, false, 0);
            return new TcpSession(locator, factory, session);
        } catch (Exception e) {
            if (factory != null) {
                factory.close();
            }
            locator.close();
            throw e;
        }
    }

    TcpSession openTcp() throws Exception {
        return openTcp(BrokerCredentials.USER, password());
    }

    record TcpSession(ServerLocator locator, ClientSessionFactory factory, ClientSession session) implements AutoCloseable {

        void createDurableQueue(String name) throws Exception {
            session.createQueue(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }

        /** A persistent message, with a duplicate id if one is given; returns once the broker has stored it. */
        void send(String queue, String body, String duplicateId) throws Exception {
            try (ClientProducer producer = session.createProducer(queue)) {
                ClientMessage message = session.createMessage(true);
                message.getBodyBuffer().writeString(body);
                if (duplicateId != null) {
                    message.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID, SimpleString.of(duplicateId));
                }
                producer.send(message);
            }
        }

        /** Every message on the queue now; the short wait after the last one shows there is no other. */
        List<String> receiveAll(String queue) throws Exception {
            List<String> bodies = new ArrayList<>();
            try (ClientConsumer consumer = session.createConsumer(queue)) {
                session.start();
                for (ClientMessage message = consumer.receive(5_000); message != null; message = consumer.receive(300)) {
                    assertThat(message.isDurable()).isTrue();
                    message.acknowledge();
                    bodies.add(message.getBodyBuffer().readString());
                }
            }
            return bodies;
        }

        @Override
        public void close() throws Exception {
            session.close();
            factory.close();
            locator.close();
        }
    }

    static MessagingConfig config(Path folder, int port) {
        return new MessagingConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MessagingConfig.class;
            }

            @Override
            public String host() {
                return LOOPBACK;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public int globalMaxSizeMb() {
                return 16;
            }

            @Override
            public String journalFolder() {
                return folder == null ? "" : folder.toString();
            }
        };
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
