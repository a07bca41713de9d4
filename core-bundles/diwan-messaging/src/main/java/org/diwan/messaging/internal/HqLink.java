package org.diwan.messaging.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headquarters' half of the link: a second acceptor, TLS only, where missions log in with the accounts of
 * {@link MissionAccounts} and may do only what {@link LinkSecurityManager} allows; {@link SyncQueues#INBOUND}
 * for what they send (each message stamped with the mission's user by the broker, never by the sender) and one
 * {@code diwan.sync.to.<CODE>} per enrolled mission. Publishes {@link MissionLinks}.
 */
final class HqLink implements NodeLink {

    private static final Logger LOG = LoggerFactory.getLogger(HqLink.class);

    static final String LINK_ACCEPTOR = "link";
    /** Seconds a client has to finish the TLS handshake, then to speak CORE, before the acceptor hangs up. */
    private static final int HANDSHAKE_TIMEOUT_SECONDS = 10;

    private final LinkSettings.Hq settings;
    private final HqKeyStore keyStore;
    private final MissionAccounts accounts;
    private final MissionSessions sessions;
    private final LinkAlarms alarms;
    private final MissionInstances instances = new MissionInstances();
    private volatile ActiveMQServer server;
    private Runnable withdraw = () -> { };

    HqLink(LinkSettings.Hq settings, Path linkFolder) throws IOException, GeneralSecurityException {
        this(settings, linkFolder, LinkAlarms.Listener.NONE);
    }

    HqLink(LinkSettings.Hq settings, Path linkFolder, LinkAlarms.Listener alarmed) throws IOException, GeneralSecurityException {
        this.settings = settings;
        this.alarms = new LinkAlarms(alarmed);
        this.keyStore = HqKeyStore.loadOrCreate(linkFolder, settings.publicAddress());
        this.accounts = new MissionAccounts(linkFolder.resolve(MissionAccounts.FILE_NAME));
        this.sessions = new MissionSessions(accounts);
    }

    @Override
    public void configure(ConfigurationImpl config) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, settings.listenHost());
        params.put(TransportConstants.PORT_PROP_NAME, settings.listenPort());
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "CORE");
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, keyStore.path().toString());
        params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, keyStore.password());
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, "PKCS12");
        params.put(TransportConstants.ENABLED_PROTOCOLS_PROP_NAME, "TLSv1.3,TLSv1.2");
        params.put(TransportConstants.SSL_HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT_SECONDS);
        params.put(TransportConstants.HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT_SECONDS);
        params.put(TransportConstants.USE_EPOLL_PROP_NAME, false);
        config.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, LINK_ACCEPTOR));

        // _AMQ_VALIDATED_USER on every message a session sends, set by the broker over whatever the sender put there:
        // headquarters knows for sure which mission a change came from.
        config.setPopulateValidatedUser(true);
        // No cached logins: a revoked or re-enrolled mission's old secret must stop working at once.
        config.setAuthenticationCacheSize(0);
        NodeLink.addDurableQueue(config, SyncQueues.INBOUND);
        NodeLink.addDurableQueue(config, SyncQueues.INBOUND_FILES);
        for (String mission : accounts.codes()) {
            NodeLink.addDurableQueue(config, SyncQueues.toMission(mission));
        }
        config.registerBrokerPlugin(sessions);
    }

    @Override
    public ActiveMQSecurityManager5 securityManager(InternalUserSecurityManager internal) {
        return new LinkSecurityManager(internal, accounts, alarms, instances, this::closeEarlierStarts);
    }

    /**
     * Cuts a mission's connections opened by a start of its node other than the one holding the link now. Called on
     * the broker's login thread, so the cut runs on the broker's executor, after the login in hand.
     */
    private void closeEarlierStarts(String mission) {
        ActiveMQServer running = server;
        if (running == null) {
            return;
        }
        running.getExecutorFactory().getExecutor().execute(() -> {
            String holder = instances.holder(mission);
            int closed = MissionSessions.disconnect(running, mission, "a newer start of mission " + mission + "'s node holds its link",
                    connection -> holder != null && !holder.equals(LinkSecurityManager.instanceOf(connection)));
            LOG.info("Mission {}: {} connection(s) of an earlier start closed", mission, closed);
        });
    }

    @Override
    public void started(ActiveMQServer server, EmbeddedBroker.Publisher publisher) {
        this.server = server;
        withdraw = publisher.publish(MissionLinks.class, new HqMissionLinks(accounts, alarms, instances, server, settings.publicAddress(), keyStore.pem()),
                new Hashtable<>());
        LOG.info("Link open to missions on {} (TLS), published as {}; {} mission(s) enrolled", settings.listenEndpoint(),
                settings.publicAddress(), accounts.codes().size());
    }

    @Override
    public LinkStatus status() {
        ActiveMQServer current = server;
        if (current == null) {
            return new LinkStatus(LinkSettings.HQ, true, settings.listenEndpoint(), false, 0, List.of(), "", null);
        }
        Set<String> connected = MissionSessions.connected(current);
        List<LinkStatus.MissionLink> missions = new ArrayList<>();
        long waiting = 0;
        for (String mission : accounts.codes()) {
            long count = NodeLink.messageCount(current, SyncQueues.toMission(mission));
            boolean up = connected.contains(mission);
            waiting += count;
            Optional<LinkAlarms.Alarm> alarm = alarms.of(mission);
            missions.add(new LinkStatus.MissionLink(mission, up, count, sessions.lastSeen(mission, up),
                    alarm.map(LinkAlarms.Alarm::kind).orElse(""), alarm.map(LinkAlarms.Alarm::from).orElse(""),
                    alarm.map(LinkAlarms.Alarm::at).orElse(null)));
        }
        boolean anyConnected = missions.stream().anyMatch(LinkStatus.MissionLink::connected);
        return new LinkStatus(LinkSettings.HQ, true, settings.listenEndpoint(), anyConnected, waiting, missions, "", null);
    }

    @Override
    public void close() {
        withdraw.run();
        withdraw = () -> { };
        server = null;
    }

    /** The keystore's password and file, for tests that look at what was made. */
    HqKeyStore keyStore() {
        return keyStore;
    }
}
