package org.diwan.messaging.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.BridgeConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mission's half of the link: {@link SyncQueues#OUTBOUND} on the local broker, and a core bridge that forwards
 * it to headquarters' {@link SyncQueues#INBOUND} over TLS, logged in as the mission, with duplicate detection, and
 * retrying for ever while headquarters is away. Also publishes a ConnectionFactory to headquarters
 * ({@value EmbeddedBroker#SERVICE_PROPERTY}={@value #SERVICE_VALUE}) for fetching {@code diwan.sync.to.<CODE>}.
 *
 * <p>Trust is pinned: the truststore holds exactly the certificate headquarters handed over at enrolment, and the
 * host name is not checked against it (headquarters' address may be an IP, a NAT or a renamed host). A server
 * without that certificate's private key cannot complete the handshake, whatever name it answers to.
 */
final class MissionLink implements NodeLink {

    private static final Logger LOG = LoggerFactory.getLogger(MissionLink.class);

    static final String SERVICE_VALUE = "hq";
    static final String CONNECTOR = "hq";
    static final String BRIDGE = "diwan-sync-hq";
    static final String FILES_BRIDGE = "diwan-sync-hq-files";
    private static final int CONFIRMATION_WINDOW = 1024 * 1024;
    private static final double RETRY_MULTIPLIER = 2.0;
    /** The sync bundle's calls to headquarters fail after this rather than hang on a dead link. */
    private static final long CALL_TIMEOUT_MS = 30_000;

    private final LinkSettings.Mission settings;
    private final Path trustStore;
    private final String trustStorePassword;
    /** The broker password: the enrolment secret, this node's key and this start's instance id. */
    private final String credential;
    private volatile ActiveMQServer server;
    private BridgeWatch watch;
    private BundleConnectionFactory toHq;
    private Runnable withdraw = () -> { };

    MissionLink(LinkSettings.Mission settings, Path linkFolder) throws IOException, GeneralSecurityException {
        this.settings = settings;
        this.trustStorePassword = PrivateFiles.newSecret();
        this.trustStore = HqTrustStore.build(settings.hqCertificate(), linkFolder, trustStorePassword);
        // a new instance id with every start of the link: how headquarters tells a restart from a copy of this node
        this.credential = MissionCredential.join(settings.secret(), NodeKey.of(linkFolder), MissionCredential.newInstance());
    }

    @Override
    public void configure(ConfigurationImpl config) {
        NodeLink.addDurableQueue(config, SyncQueues.OUTBOUND);
        NodeLink.addDurableQueue(config, SyncQueues.OUTBOUND_FILES);
        config.addConnectorConfiguration(CONNECTOR, transport());
        config.addBridgeConfiguration(bridge(BRIDGE, SyncQueues.OUTBOUND, SyncQueues.INBOUND));
        // documents on a bridge of their own: a large file streams while records keep flowing on the first
        config.addBridgeConfiguration(bridge(FILES_BRIDGE, SyncQueues.OUTBOUND_FILES, SyncQueues.INBOUND_FILES));
    }

    private BridgeConfiguration bridge(String name, String from, String to) {
        return new BridgeConfiguration(name)
                .setQueueName(from)
                .setForwardingAddress(to)
                .setRoutingType(ComponentConfigurationRoutingType.ANYCAST)
                .setStaticConnectors(List.of(CONNECTOR))
                .setHA(false)
                .setUser(settings.code())
                .setPassword(credential)
                .setUseDuplicateDetection(true)
                .setConfirmationWindowSize(CONFIRMATION_WINDOW)
                .setInitialConnectAttempts(-1)
                .setReconnectAttempts(-1)
                .setRetryInterval(settings.retryIntervalMs())
                .setRetryIntervalMultiplier(RETRY_MULTIPLIER)
                .setMaxRetryInterval(settings.maxRetryIntervalMs());
    }

    /** Headquarters over TLS, trusting only its pinned certificate (see the class comment for verifyHost). */
    TransportConfiguration transport() {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, settings.hqAddress().bareHost());
        params.put(TransportConstants.PORT_PROP_NAME, settings.hqAddress().port());
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, trustStore.toString());
        params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, trustStorePassword);
        params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, "PKCS12");
        params.put(TransportConstants.VERIFY_HOST_PROP_NAME, false);
        params.put(TransportConstants.ENABLED_PROTOCOLS_PROP_NAME, "TLSv1.3,TLSv1.2");
        params.put(TransportConstants.USE_EPOLL_PROP_NAME, false);
        return new TransportConfiguration(NettyConnectorFactory.class.getName(), params, CONNECTOR);
    }

    @Override
    public void started(ActiveMQServer server, EmbeddedBroker.Publisher publisher) {
        this.server = server;
        Bridge bridge = server.getClusterManager().getBridges().get(BRIDGE);
        Bridge files = server.getClusterManager().getBridges().get(FILES_BRIDGE);
        watch = new BridgeWatch(bridge, files == null ? List.of() : List.of(files), settings, credential, trustStore, trustStorePassword,
                transport());
        toHq = new BundleConnectionFactory(() -> {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(false, transport());
            factory.setUser(settings.code());
            factory.setPassword(credential);
            // the sync bundle reconnects by itself, with its own back-off
            factory.setReconnectAttempts(0);
            factory.setCallTimeout(CALL_TIMEOUT_MS);
            return factory;
        }, "Diwan headquarters (" + settings.hqAddress() + ", as mission " + settings.code() + ")");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EmbeddedBroker.SERVICE_PROPERTY, SERVICE_VALUE);
        withdraw = publisher.publish(ConnectionFactory.class, toHq, properties);
        LOG.info("Link to headquarters at {} as mission {}: bridge {} from {}", settings.hqAddress(), settings.code(), BRIDGE,
                SyncQueues.OUTBOUND);
    }

    @Override
    public LinkStatus status() {
        BridgeWatch current = watch;
        ActiveMQServer running = server;
        boolean connected = current != null && current.connected();
        return new LinkStatus(LinkSettings.MISSION, true, settings.hqAddress().toString(), connected,
                NodeLink.messageCount(running, SyncQueues.OUTBOUND) + NodeLink.messageCount(running, SyncQueues.OUTBOUND_FILES), List.of(),
                current == null ? "" : current.lastError(), current == null ? null : current.lastErrorAt());
    }

    @Override
    public void close() {
        withdraw.run();
        withdraw = () -> { };
        if (toHq != null) {
            toHq.close();
        }
        if (watch != null) {
            watch.close();
        }
        server = null;
    }
}
