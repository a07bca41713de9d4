package org.diwan.messaging.internal;

import java.nio.file.Path;
import java.util.Set;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The broker's whole configuration, in code: there is no broker.xml an operator could turn an OpenWire or
 * STOMP acceptor, a guest account or a discovery group on in. What is configurable comes from
 * {@link MessagingConfig}.
 */
final class BrokerConfiguration {

    static final String TCP_ACCEPTOR = "core-tcp";
    static final String VM_ACCEPTOR = "in-vm";
    /**
     * The in-VM acceptor's server id. One broker per JVM in Karaf, so always 0 there; tests that run two brokers
     * (headquarters and a mission) in one JVM give each its own, as in-VM ids are JVM-wide.
     */
    static final int VM_SERVER_ID = 0;
    /**
     * Duplicate ids remembered per address. It must exceed any resend window of the sync bridges (messages a
     * peer may resend after a reconnect), or a resend past it is delivered twice.
     */
    static final int ID_CACHE_SIZE = 20_000;
    static final String DEAD_LETTER_QUEUE = "DLQ";
    static final String EXPIRY_QUEUE = "ExpiryQueue";
    private static final long MIB = 1024L * 1024L;

    private BrokerConfiguration() {
    }

    static ConfigurationImpl build(String host, int port, int globalMaxSizeMb, int minDiskFreeMb, Path folder, int vmServerId)
            throws Exception {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (globalMaxSizeMb < 1) {
            throw new IllegalArgumentException("globalMaxSizeMb must be at least 1: " + globalMaxSizeMb);
        }
        if (minDiskFreeMb < 1) {
            throw new IllegalArgumentException("minDiskFreeMb must be at least 1: " + minDiskFreeMb);
        }
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("diwan");
        // Anything Artemis resolves relative to its instance lands in our folder, not Karaf's working directory.
        config.setBrokerInstance(folder.toFile());

        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(folder.resolve("journal").toString());
        config.setBindingsDirectory(folder.resolve("bindings").toString());
        config.setPagingDirectory(folder.resolve("paging").toString());
        config.setLargeMessagesDirectory(folder.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(folder.toString());

        config.setSecurityEnabled(true);
        config.putSecurityRoles("#", Set.of(internalRole()));
        config.setJMXManagementEnabled(false);
        // Artemis lets the cluster user in with every right; its well-known default password must not work.
        config.setClusterPassword(PrivateFiles.newSecret());

        // Artemis would take half the heap for messages before paging.
        config.setGlobalMaxSize(globalMaxSizeMb * MIB);
        // Artemis blocks senders past 90 % of the disk used: on a 270 GB disk that is 27 GB still free, and a node
        // whose broker blocks stops issuing bulletins and relaying changes. An absolute reserve says what matters:
        // room left for the database and the journal's next files.
        config.setMaxDiskUsage(-1);
        config.setMinDiskFree(minDiskFreeMb * MIB);
        config.setIDCacheSize(ID_CACHE_SIZE);
        config.setPersistIDCache(true);

        config.addAcceptorConfiguration(TCP_ACCEPTOR, "tcp://" + uriHost(host) + ":" + port + "?protocols=CORE;useEpoll=false");
        config.addAcceptorConfiguration(VM_ACCEPTOR, vmUrl(vmServerId));

        // Without a dead-letter address Artemis drops a message after its last failed delivery attempt.
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setExpiryAddress(SimpleString.of(EXPIRY_QUEUE)));
        // The sync queues never give up on a change: a receiver rolls back only when its database is away, and a
        // change parked in the DLQ would be a change lost to the other side. Delivery is retried, slower and slower.
        config.addAddressSetting("diwan.sync.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setExpiryAddress(SimpleString.of(EXPIRY_QUEUE))
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(500)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000));
        config.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        config.addQueueConfiguration(QueueConfiguration.of(EXPIRY_QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        return config;
    }

    static String vmUrl(int vmServerId) {
        return "vm://" + vmServerId;
    }

    /** The internal user's role: every permission, on every address. */
    static Role internalRole() {
        return new Role(InternalUserSecurityManager.ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    private static String uriHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        String trimmed = host.strip();
        return trimmed.contains(":") && !trimmed.startsWith("[") ? "[" + trimmed + "]" : trimmed;
    }
}
