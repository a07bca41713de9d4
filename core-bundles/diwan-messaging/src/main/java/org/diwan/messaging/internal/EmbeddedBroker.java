package org.diwan.messaging.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.diwan.api.sync.LinkMonitor;
import org.diwan.api.sync.MissionLinks;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.diwan.api.notification.Notifications;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one Artemis broker: started when the bundle starts, with the configuration of
 * {@link BrokerConfiguration} and the single internal user of {@link BrokerCredentials}. Once it is active, an
 * in-VM {@link ConnectionFactory} logged in as that user is registered with {@value #SERVICE_PROPERTY}={@value
 * #SERVICE_VALUE}, so Camel never needs the password.
 *
 * <p>The same component runs this node's half of the mission ↔ headquarters link ({@link NodeLink}, configured by
 * {@link LinkConfig}, PID {@code org.diwan.link}): on headquarters a TLS acceptor for missions and
 * {@link MissionLinks}, on a mission a bridge to headquarters and a second ConnectionFactory
 * ({@value #SERVICE_PROPERTY}=hq). {@link LinkMonitor} is registered on every node.
 */
// No @Designate: bnd allows it only with one configuration PID, so each OCD names its PID itself.
@Component(immediate = true, configurationPid = {MessagingConfig.PID, LinkConfig.PID}, service = {})
public final class EmbeddedBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    static final String SERVICE_PROPERTY = "diwan.messaging";
    /** The administrators' permission: the {@code admin} role holds it. */
    static final String ADMIN_PERMISSION = "diwan:admin";
    static final String SERVICE_VALUE = "local";
    /** Live-only activation is done by the time start() returns; the wait only guards against a hung start. */
    private static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(30);

    /** Hands a service to the service registry; returns how to withdraw it. Tests record it instead. */
    @FunctionalInterface
    interface Publisher {
        Runnable publish(Class<?> type, Object service, Dictionary<String, Object> properties);
    }

    private final EmbeddedActiveMQ broker;
    private final BundleConnectionFactory connectionFactory;
    private final NodeLink link;
    private final List<Runnable> withdrawals = new ArrayList<>();
    /** The administrators' inboxes, when the notifications bundle runs: the broker never waits for it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Notifications notifications;

    /**
     * A mission's secret used from another node or without its key: besides the sync page and the log's ALARM line,
     * every administrator is told in their inbox, once per alarm. Runs on the broker's login thread: never throws.
     */
    private void alarmRaised(String mission, LinkAlarms.Alarm alarm) {
        Notifications inbox = notifications;
        if (inbox == null) {
            return;
        }
        try {
            inbox.sendToHolders(ADMIN_PERMISSION, "admin.sync.alarm.notice." + alarm.kind(), List.of(mission, alarm.from()), "/admin/sync");
        } catch (RuntimeException e) {
            LOG.warn("The administrators could not be notified of the alarm about mission {}: {}", mission, e.toString());
        }
    }

    @Activate
    public EmbeddedBroker(BundleContext context, MessagingConfig config, LinkConfig linkConfig) throws Exception {
        this(config, linkConfig, context::getProperty, (type, service, properties) -> {
            ServiceRegistration<?> registration = context.registerService(type.getName(), service, properties);
            return () -> unregister(registration);
        }, BrokerConfiguration.VM_SERVER_ID);
    }

    /**
     * @param framework the framework properties ({@code karaf.data}, {@code karaf.etc}, {@code diwan.node.role},
     *                  {@code diwan.node.mission}); tests pass a map
     * @param vmServerId the in-VM acceptor's id, {@link BrokerConfiguration#VM_SERVER_ID} but in tests that run two brokers
     */
    EmbeddedBroker(MessagingConfig config, LinkConfig linkConfig, Function<String, String> framework, Publisher publisher,
                   int vmServerId) throws Exception {
        Path folder = journalFolder(config, framework.apply("karaf.data"));
        BrokerCredentials credentials = BrokerCredentials.loadOrCreate(folder);
        warnIfReachable(config.host(), config.port());
        NodeLink nodeLink = NodeLink.create(linkConfig, framework, folder, this::alarmRaised);

        ConfigurationImpl configuration = BrokerConfiguration.build(config.host(), config.port(), config.globalMaxSizeMb(), config.minDiskFreeMb(),
                folder, vmServerId);
        nodeLink.configure(configuration);
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ()
                .setConfiguration(configuration)
                .setSecurityManager(nodeLink.securityManager(new InternalUserSecurityManager(credentials)))
                // No broker.properties from the class path: the configuration is the code above, nothing else.
                .setPropertiesResourcePath(null);
        start(embedded);
        BundleConnectionFactory factory = null;
        try {
            factory = BundleConnectionFactory.local(credentials, BrokerConfiguration.vmUrl(vmServerId));
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(SERVICE_PROPERTY, SERVICE_VALUE);
            withdrawals.add(publisher.publish(ConnectionFactory.class, factory, properties));
            nodeLink.started(embedded.getActiveMQServer(), publisher);
            LinkMonitor monitor = nodeLink::status;
            withdrawals.add(publisher.publish(LinkMonitor.class, monitor, new Hashtable<>()));
        } catch (Exception e) {
            withdrawAll();
            nodeLink.close();
            if (factory != null) {
                factory.close();
            }
            stop(embedded);
            throw e;
        }
        this.broker = embedded;
        this.connectionFactory = factory;
        this.link = nodeLink;
        LOG.info("Broker active: CORE on {}:{}, journal in {}", config.host(), config.port(), folder);
    }

    @Deactivate
    void deactivate() {
        // Clients first, so none is handed a factory whose broker is going away.
        withdrawAll();
        link.close();
        connectionFactory.close();
        stop(broker);
        LOG.info("Broker stopped");
    }

    private void withdrawAll() {
        for (int i = withdrawals.size() - 1; i >= 0; i--) {
            withdrawals.get(i).run();
        }
        withdrawals.clear();
    }

    /** This node's half of the link, for tests. */
    NodeLink link() {
        return link;
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
            LOG.debug("Service already unregistered (bundle stopping)");
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
