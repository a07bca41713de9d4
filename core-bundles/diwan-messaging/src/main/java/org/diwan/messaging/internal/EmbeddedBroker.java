package org.diwan.messaging.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one Artemis broker: started when the bundle starts, with the configuration of
 * {@link BrokerConfiguration} and the single internal user of {@link BrokerCredentials}. Once it is active, an
 * in-VM {@link ConnectionFactory} logged in as that user is registered with {@value #SERVICE_PROPERTY}={@value
 * #SERVICE_VALUE}, so Camel never needs the password.
 */
@Component(immediate = true, configurationPid = "org.diwan.messaging", service = {})
@Designate(ocd = MessagingConfig.class)
public final class EmbeddedBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    static final String SERVICE_PROPERTY = "diwan.messaging";
    static final String SERVICE_VALUE = "local";
    /** Live-only activation is done by the time start() returns; the wait only guards against a hung start. */
    private static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(30);

    /** Hands the ConnectionFactory to the service registry; returns how to withdraw it. Tests record it instead. */
    @FunctionalInterface
    interface Publisher {
        Runnable publish(ConnectionFactory factory, Dictionary<String, Object> properties);
    }

    private final EmbeddedActiveMQ broker;
    private final LocalConnectionFactory connectionFactory;
    private final Runnable withdraw;

    @Activate
    public EmbeddedBroker(BundleContext context, MessagingConfig config) throws Exception {
        this(config, context.getProperty("karaf.data"), (factory, properties) -> {
            ServiceRegistration<ConnectionFactory> registration = context.registerService(ConnectionFactory.class, factory, properties);
            return () -> unregister(registration);
        });
    }

    EmbeddedBroker(MessagingConfig config, String karafData, Publisher publisher) throws Exception {
        Path folder = journalFolder(config, karafData);
        BrokerCredentials credentials = BrokerCredentials.loadOrCreate(folder);
        warnIfReachable(config.host(), config.port());

        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ()
                .setConfiguration(BrokerConfiguration.build(config.host(), config.port(), config.globalMaxSizeMb(), folder))
                .setSecurityManager(new InternalUserSecurityManager(credentials))
                // No broker.properties from the class path: the configuration is the code above, nothing else.
                .setPropertiesResourcePath(null);
        start(embedded);
        LocalConnectionFactory factory = null;
        try {
            factory = new LocalConnectionFactory(credentials);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(SERVICE_PROPERTY, SERVICE_VALUE);
            this.withdraw = publisher.publish(factory, properties);
        } catch (RuntimeException e) {
            if (factory != null) {
                factory.close();
            }
            stop(embedded);
            throw e;
        }
        this.broker = embedded;
        this.connectionFactory = factory;
        LOG.info("Broker active: CORE on {}:{}, journal in {}", config.host(), config.port(), folder);
    }

    @Deactivate
    void deactivate() {
        // Clients first, so none is handed a factory whose broker is going away.
        withdraw.run();
        connectionFactory.close();
        stop(broker);
        LOG.info("Broker stopped");
    }

    /** The running server, for tests that look at its live state. */
    ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    static Path journalFolder(MessagingConfig config, String karafData) {
        if (!config.journalFolder().isBlank()) {
            return Path.of(config.journalFolder());
        }
        if (karafData == null || karafData.isBlank()) {
            throw new IllegalStateException("no journal folder configured and karaf.data is not set");
        }
        return Path.of(karafData, "artemis");
    }

    /** Artemis finds its transports, protocols and services through the context class loader: ours, not the caller's. */
    private static void start(EmbeddedActiveMQ embedded) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedBroker.class.getClassLoader());
        try {
            embedded.start();
            if (!embedded.getActiveMQServer().waitForActivation(ACTIVATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("broker not active after " + ACTIVATION_TIMEOUT.toSeconds() + " s");
            }
        } catch (Exception e) {
            stop(embedded);
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void stop(EmbeddedActiveMQ embedded) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedBroker.class.getClassLoader());
        try {
            embedded.stop();
        } catch (Exception e) {
            LOG.error("Broker did not stop cleanly", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            LOG.debug("ConnectionFactory already unregistered (bundle stopping)");
        }
    }

    private static void warnIfReachable(String host, int port) {
        try {
            if (!InetAddress.getByName(host.strip()).isLoopbackAddress()) {
                LOG.warn("The broker listens on {}:{}, reachable from other machines over plain TCP: put TLS in front of it",
                        host, port);
            }
        } catch (UnknownHostException e) {
            LOG.warn("Broker host {} does not resolve: {}", host, e.getMessage());
        }
    }
}
