package org.diwan.messaging.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerSessionPlugin;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;

/**
 * Which missions are connected to headquarters' broker and when each was last seen: a session plugin notes the
 * time a mission's session opens or closes (a dropped link closes its sessions too), and while a session is
 * open the mission counts as seen now. Kept in memory: after a restart a mission is "never seen" until it
 * reconnects, which it does within its retry interval.
 */
final class MissionSessions implements ActiveMQServerSessionPlugin {

    private final MissionAccounts accounts;
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();

    MissionSessions(MissionAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void afterCreateSession(ServerSession session) {
        seen(session);
    }

    @Override
    public void afterCloseSession(ServerSession session, boolean failed) {
        seen(session);
    }

    private void seen(ServerSession session) {
        String user = session.getValidatedUser();
        if (user != null && accounts.isEnrolled(user)) {
            lastSeen.put(user, Instant.now());
        }
    }

    /** Missions with an open session now. */
    static Set<String> connected(ActiveMQServer server) {
        return server.getSessions().stream()
                .filter(session -> !session.getRemotingConnection().isDestroyed())
                .map(ServerSession::getValidatedUser)
                .filter(user -> user != null && LinkSettings.isMissionCode(user))
                .collect(Collectors.toSet());
    }

    Instant lastSeen(String mission, boolean connectedNow) {
        return connectedNow ? Instant.now() : lastSeen.get(mission);
    }

    /** Fails every connection a mission has open (after a revocation): its next login is refused. */
    static int disconnect(ActiveMQServer server, String mission, String reason) {
        return disconnect(server, mission, reason, connection -> true);
    }

    /** Fails the connections a mission has open that {@code which} picks. */
    static int disconnect(ActiveMQServer server, String mission, String reason, Predicate<RemotingConnection> which) {
        Set<RemotingConnection> connections = server.getSessions().stream()
                .filter(session -> mission.equals(session.getValidatedUser()))
                .map(ServerSession::getRemotingConnection)
                .filter(which)
                .collect(Collectors.toSet());
        for (RemotingConnection connection : connections) {
            server.getRemotingService().removeConnection(connection.getID());
            connection.fail(new ActiveMQSecurityException(reason));
        }
        return connections.size();
    }
}
