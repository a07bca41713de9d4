package org.diwan.messaging.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's half of the mission ↔ headquarters link, plugged into the broker's life: it adds what it needs to
 * the configuration before the start (bridges must be there before the start, or the journal keeps a copy of
 * them), picks the security manager, publishes its services once the broker is active and withdraws them before
 * it stops.
 */
interface NodeLink {

    String LINK_FOLDER = "link";

    /** Before the broker starts: acceptors, connectors, bridges, queues, plugins. */
    void configure(ConfigurationImpl config) throws Exception;

    default ActiveMQSecurityManager5 securityManager(InternalUserSecurityManager internal) {
        return internal;
    }

    /** Once the broker is active: this side's services. */
    void started(ActiveMQServer server, EmbeddedBroker.Publisher publisher) throws Exception;

    LinkStatus status();

    /** Before the broker stops: withdraws the services and closes what {@link #started} opened. */
    void close();

    /**
     * The link this node's configuration asks for. A link that cannot be set up (no mission code, a missing or
     * broken certificate, keytool failing) is logged and reported by {@link #status()}, and the broker runs without
     * it: a mission keeps working offline, headquarters keeps serving its own users. Only an unknown role stops the
     * broker, as it stops diwan-node.
     */
    static NodeLink create(LinkConfig config, Function<String, String> framework, Path brokerFolder) {
        return create(config, framework, brokerFolder, LinkAlarms.Listener.NONE);
    }

    /** @param alarmed told of each alarm about a mission's identity at headquarters */
    static NodeLink create(LinkConfig config, Function<String, String> framework, Path brokerFolder, LinkAlarms.Listener alarmed) {
        String role = LinkSettings.role(framework);
        Path linkFolder = brokerFolder.resolve(LINK_FOLDER);
        boolean hq = role.equals(LinkSettings.HQ);
        if (hq ? config.listenPort() == 0 : config.hqAddress() == null || config.hqAddress().isBlank()) {
            return new Off(role, "", null);
        }
        String endpoint = hq ? config.listenHost() + ":" + config.listenPort() : config.hqAddress().strip();
        try {
            return hq ? new HqLink(LinkSettings.Hq.of(config), linkFolder, alarmed)
                    : new MissionLink(LinkSettings.Mission.of(config, framework), linkFolder);
        } catch (Exception e) {
            Logger log = LoggerFactory.getLogger(NodeLink.class);
            log.error("The link is off: {}", e.getMessage(), e);
            return new Off(role, endpoint, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    static void addDurableQueue(ConfigurationImpl config, String name) {
        config.addQueueConfiguration(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }

    static long messageCount(ActiveMQServer server, String queueName) {
        Queue queue = server == null ? null : server.locateQueue(queueName);
        return queue == null ? 0 : queue.getMessageCount();
    }

    /**
     * No link: none configured ({@code error} null), or one that could not be set up. A mission still gets its
     * {@link SyncQueues#OUTBOUND}, where changes wait for a link configured later.
     */
    final class Off implements NodeLink {

        private final String role;
        private final String endpoint;
        private final String error;
        private final Instant errorAt;
        private volatile ActiveMQServer server;

        Off(String role, String endpoint, String error) {
            this.role = role;
            this.endpoint = endpoint;
            this.error = error;
            this.errorAt = error == null ? null : Instant.now();
        }

        @Override
        public void configure(ConfigurationImpl config) {
            if (role.equals(LinkSettings.MISSION)) {
                addDurableQueue(config, SyncQueues.OUTBOUND);
                addDurableQueue(config, SyncQueues.OUTBOUND_FILES);
            }
        }

        @Override
        public void started(ActiveMQServer server, EmbeddedBroker.Publisher publisher) {
            this.server = server;
        }

        @Override
        public LinkStatus status() {
            long waiting = role.equals(LinkSettings.MISSION) ? messageCount(server, SyncQueues.OUTBOUND) : 0;
            return new LinkStatus(role, error != null, endpoint, false, waiting, List.of(), error == null ? "" : error, errorAt);
        }

        @Override
        public void close() {
            server = null;
        }
    }
}
