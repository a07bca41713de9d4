package org.diwan.messaging.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.function.Consumer;

import javax.security.auth.Subject;

import io.netty.handler.ssl.SslHandler;

import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headquarters' security manager once the link is on: the internal user exactly as
 * {@link InternalUserSecurityManager} lets it in, plus the missions of {@link MissionAccounts}, each logged in
 * under its code with its secret and its node's key; the right secret from another node is refused and raises an
 * alarm ({@link LinkAlarms}). One start of a mission's node holds its link at a time ({@link MissionInstances}): a
 * new start takes it over, and a start that was taken over and comes back (a copy of the node, still running) is
 * refused with an alarm.
 *
 * <p>A mission's rights do not come from the broker's security settings (those grant the internal role
 * everything on {@code #}) but from {@link #missionMay}: send to {@link SyncQueues#INBOUND}, consume and browse
 * its own {@code diwan.sync.to.<CODE>}, nothing else. No queue creation (not even temporary ones), no deletion,
 * no management, no other mission's queue, no wildcard address.
 */
final class LinkSecurityManager implements ActiveMQSecurityManager5 {

    private static final Logger LOG = LoggerFactory.getLogger(LinkSecurityManager.class);

    static final String MISSION_ROLE = "diwan-mission";
    static final String MISSION_ROLE_PREFIX = "mission:";
    /** Artemis's fully qualified queue name separator ({@code address::queue}). */
    private static final String FQQN_SEPARATOR = "::";

    private final InternalUserSecurityManager internal;
    private final MissionAccounts missions;
    private final LinkAlarms alarms;
    private final MissionInstances instances;
    /** Told the mission whose link a new start took over: the connections of the start before are to be cut. */
    private final Consumer<String> takenOver;

    LinkSecurityManager(InternalUserSecurityManager internal, MissionAccounts missions, LinkAlarms alarms, MissionInstances instances,
            Consumer<String> takenOver) {
        this.internal = internal;
        this.missions = missions;
        this.alarms = alarms;
        this.instances = instances;
        this.takenOver = takenOver;
    }

    /** The start of a mission's node that a connection was opened by, kept in the connection's subject. */
    record InstancePrincipal(String getName) implements Principal {
    }

    /**
     * The link's TLS acceptor is for missions only and the node's own acceptors (loopback TCP, in-VM) for the
     * internal user only: the internal password never crosses the network, and a mission never reaches the broker
     * except through the link.
     */
    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        boolean overLink = overTls(connection);
        if (!overLink && internal.validateUser(user, password)) {
            return internal.authenticate(user, password, connection, securityDomain);
        }
        String from = connection == null ? "unknown" : connection.getRemoteAddress();
        if (overLink) {
            MissionAccounts.Login login = missionLogin(user, password);
            if (login == MissionAccounts.Login.ACCEPTED) {
                String instance = MissionCredential.parse(password).instance();
                return holdsTheLink(user, instance, from) ? missionSubject(user, instance) : null;
            }
            if (login == MissionAccounts.Login.OTHER_NODE || login == MissionAccounts.Login.NO_NODE_KEY) {
                boolean other = login == MissionAccounts.Login.OTHER_NODE;
                alarms.raise(user, other ? LinkAlarms.OTHER_NODE : LinkAlarms.NO_NODE_KEY, from);
                LOG.error("ALARM: mission {}'s secret was presented from {} by {}: login refused. Its secret may have leaked:"
                        + " enrol the mission again and give the new secret to its real node only.", user, from,
                        other ? "a node other than the mission's own" : "a client without the mission node's key");
                return null;
            }
        }
        LOG.warn("Broker login refused for user '{}' from {}", InternalUserSecurityManager.printable(user), from);
        return null;
    }

    /** Whether this start of the mission's node may hold its link; raises the alarm when it is a second node. */
    private boolean holdsTheLink(String mission, String instance, String from) {
        switch (instances.login(mission, instance)) {
            case RETURNED:
                alarms.raise(mission, LinkAlarms.TWO_NODES, from);
                LOG.error("ALARM: two running nodes use mission {}'s secret and node key (a copied data folder?): the one at {}"
                        + " had been replaced by a newer start and came back, login refused. Enrol the mission again and give the"
                        + " new secret to its real node only.", mission, from);
                return false;
            case TOOK_OVER:
                LOG.info("Mission {} logged in from a new start of its node ({}): the connections of its start before are closed",
                        mission, from);
                takenOver.accept(mission);
                return true;
            default:
                return true;
        }
    }

    private static Subject missionSubject(String mission, String instance) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(mission));
        subject.getPrincipals().add(new RolePrincipal(MISSION_ROLE));
        subject.getPrincipals().add(new RolePrincipal(MISSION_ROLE_PREFIX + mission));
        subject.getPrincipals().add(new InstancePrincipal(instance));
        return subject;
    }

    /** The start of a mission's node that opened the connection: empty for anyone else, or a node older than this. */
    static String instanceOf(RemotingConnection connection) {
        Subject subject = connection.getSubject();
        if (subject == null) {
            return "";
        }
        return subject.getPrincipals(InstancePrincipal.class).stream().map(InstancePrincipal::getName).findFirst().orElse("");
    }

    private MissionAccounts.Login missionLogin(String user, String password) {
        try {
            return missions.login(user, password);
        } catch (IOException e) {
            LOG.error("Cannot store mission {}'s node binding: login refused", InternalUserSecurityManager.printable(user), e);
            return MissionAccounts.Login.WRONG_SECRET;
        }
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        String mission = missionOf(subject);
        if (mission != null) {
            boolean allowed = missionMay(mission, checkType, address);
            if (!allowed) {
                LOG.warn("Mission {} refused {} on '{}'", mission, checkType, InternalUserSecurityManager.printable(address));
            }
            return allowed;
        }
        return internal.authorize(subject, roles, checkType, address);
    }

    /** Only the internal user: a mission is never validated outside a session (management, legacy paths). */
    @Override
    public boolean validateUser(String user, String password) {
        return internal.validateUser(user, password);
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return internal.validateUserAndRole(user, password, roles, checkType);
    }

    /**
     * What a mission may do. {@code address} is what Artemis hands {@link #authorize}: the bare address for a send,
     * and for a consumer or browser on a queue the fully qualified {@code address::queue} (both forms accepted for
     * the mission's own queue, whose address and queue share the name).
     */
    static boolean missionMay(String mission, CheckType checkType, String address) {
        if (address == null) {
            return false;
        }
        return switch (checkType) {
            case SEND -> names(address, SyncQueues.INBOUND) || names(address, SyncQueues.INBOUND_FILES);
            case CONSUME, BROWSE -> names(address, SyncQueues.toMission(mission));
            default -> false;
        };
    }

    private static boolean names(String address, String queue) {
        return address.equals(queue) || address.equals(queue + FQQN_SEPARATOR + queue);
    }

    /** Whether the connection came through a TLS acceptor: the link's is the broker's only one. */
    static boolean overTls(RemotingConnection connection) {
        return connection != null && connection.getTransportConnection() instanceof NettyConnection netty
                && netty.getChannel().pipeline().get(SslHandler.class) != null;
    }

    /** The mission code of a mission's subject, or {@code null} for anyone else. */
    static String missionOf(Subject subject) {
        for (RolePrincipal role : subject.getPrincipals(RolePrincipal.class)) {
            if (role.getName().startsWith(MISSION_ROLE_PREFIX)) {
                return role.getName().substring(MISSION_ROLE_PREFIX.length());
            }
        }
        return null;
    }
}
