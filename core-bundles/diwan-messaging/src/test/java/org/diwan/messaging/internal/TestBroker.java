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
import org.diwan.api.sync.LinkMonitor;
import org.diwan.api.sync.LinkStatus;

/**
 * Starts the component outside OSGi, through its own constructor, on a free loopback port and a temporary folder:
 * a headquarters node without a link by default, or any node of {@link TestLink}.
 */
final class TestBroker implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";

    /** A service the component registered, and whether it has been withdrawn. */
    static final class Registration {
        final Class<?> type;
        final Object service;
        final Dictionary<String, Object> properties;
        boolean withdrawn;

        Registration(Class<?> type, Object service, Dictionary<String, Object> properties) {
            this.type = type;
            this.service = service;
            this.properties = properties;
        }
    }

    final Path folder;
    final int port;
    final TestLink link;
    final EmbeddedBroker broker;
    final List<Registration> registrations = new ArrayList<>();
    /** The local ConnectionFactory, its properties, and whether it was withdrawn. */
    ConnectionFactory published;
    Dictionary<String, Object> publishedProperties;
    boolean withdrawn;
    private boolean closed;

    TestBroker(Path folder, int port, TestLink link) throws Exception {
        this.folder = folder;
        this.port = port;
        this.link = link;
        this.broker = new EmbeddedBroker(config(folder, port), link.config(), link.framework()::get, (type, service, properties) -> {
            Registration registration = new Registration(type, service, properties);
            registrations.add(registration);
            boolean local = "local".equals(properties.get(EmbeddedBroker.SERVICE_PROPERTY));
            if (local) {
                published = (ConnectionFactory) service;
                publishedProperties = properties;
            }
            return () -> {
                registration.withdrawn = true;
                if (local) {
                    withdrawn = true;
                }
            };
        }, port); // the TCP port doubles as the in-VM id: unique among the brokers of this JVM
    }

    static TestBroker start(Path folder) throws Exception {
        return new TestBroker(folder, freePort(), TestLink.hq());
    }

    /** Same folder, ports and link again: what a node restart looks like to the broker. */
    TestBroker restart() throws Exception {
        close();
        return new TestBroker(folder, port, link);
    }

    /** The one registered, not withdrawn service of {@code type} whose diwan.messaging property is {@code value} (any if null). */
    <T> T service(Class<T> type, String value) {
        List<Object> found = new ArrayList<>();
        for (Registration registration : registrations) {
            if (registration.type == type && !registration.withdrawn
                    && (value == null || value.equals(registration.properties.get(EmbeddedBroker.SERVICE_PROPERTY)))) {
                found.add(registration.service);
            }
        }
        assertThat(found).as("registered %s services (%s)", type.getSimpleName(), value).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : type.cast(found.get(0));
    }

    LinkStatus status() {
        return service(LinkMonitor.class, null).status();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            broker.deactivate();
        }
    }

    String password() throws IOException {
        return Files.readString(folder.resolve(BrokerCredentials.FILE_NAME), StandardCharsets.US_ASCII).strip();
    }

    /** A CORE session over TCP, as a process on this machine would open it; fails if the broker refuses the login. */
    TcpSession openTcp(String user, String password) throws Exception {
        // useEpoll=false as the broker's own connectors: Artemis's clients share one event loop group per JVM, typed
        // by the first connector, and an NIO connector on an epoll group fails ("incompatible event loop type").
        ServerLocator locator = ActiveMQClient.createServerLocator("tcp://" + LOOPBACK + ":" + port + "?useEpoll=false")
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
            public int minDiskFreeMb() {
                return 64;
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
