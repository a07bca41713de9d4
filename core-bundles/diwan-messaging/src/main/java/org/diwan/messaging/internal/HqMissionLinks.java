package org.diwan.messaging.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.diwan.api.sync.Enrolment;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MissionLinks} over {@link MissionAccounts} and the running broker. */
final class HqMissionLinks implements MissionLinks {

    private static final Logger LOG = LoggerFactory.getLogger(HqMissionLinks.class);

    private final MissionAccounts accounts;
    private final LinkAlarms alarms;
    private final MissionInstances instances;
    private final ActiveMQServer server;
    private final LinkSettings.HostPort publicAddress;
    private final String certificate;

    HqMissionLinks(MissionAccounts accounts, LinkAlarms alarms, MissionInstances instances, ActiveMQServer server, LinkSettings.HostPort publicAddress,
            String certificate) {
        this.accounts = accounts;
        this.alarms = alarms;
        this.instances = instances;
        this.server = server;
        this.publicAddress = publicAddress;
        this.certificate = certificate;
    }

    @Override
    public Enrolment enrol(String missionCode) {
        if (!LinkSettings.isMissionCode(missionCode)) {
            throw new IllegalArgumentException("a mission code is 2-32 of A-Z, 0-9 and '-', not '" + missionCode + "'");
        }
        try {
            // The queue first: once the secret exists the mission may log in, and its queue must be there.
            server.createQueue(QueueConfiguration.of(SyncQueues.toMission(missionCode))
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true), true);
            boolean again = accounts.isEnrolled(missionCode);
            String secret = accounts.enrol(missionCode);
            // a new secret, bound to whichever node logs in with it first: the answer to a leak, so its alarm ends
            alarms.clear(missionCode);
            instances.forget(missionCode);
            if (again) {
                // Sessions opened with the old secret go on until they end: end them now.
                MissionSessions.disconnect(server, missionCode, "mission " + missionCode + " was given a new secret");
            }
            LOG.info("Mission {} {}", missionCode, again ? "re-enrolled: its old secret no longer works" : "enrolled");
            return new Enrolment(missionCode, secret, publicAddress.toString(), certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the account of mission " + missionCode, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the queue of mission " + missionCode, e);
        }
    }

    @Override
    public boolean revoke(String missionCode) {
        try {
            if (missionCode == null || !accounts.revoke(missionCode)) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the revocation of mission " + missionCode, e);
        }
        instances.forget(missionCode);
        int closed = MissionSessions.disconnect(server, missionCode, "mission " + missionCode + " was revoked");
        LOG.info("Mission {} revoked ({} connection(s) closed); its queue is kept", missionCode, closed);
        return true;
    }

    @Override
    public List<String> enrolled() {
        return accounts.codes();
    }
}
