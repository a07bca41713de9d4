package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.diwan.api.sync.SyncQueues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mission policy on its own; HqLinkTest checks it again through a running broker. */
class LinkSecurityManagerTest {

    private static final String OWN = SyncQueues.toMission("KBL");
    private static final String OTHER = SyncQueues.toMission("AMM");

    @TempDir
    Path folder;
    private BrokerCredentials credentials;
    private MissionAccounts accounts;
    private LinkSecurityManager manager;

    @BeforeEach
    void setUp() throws Exception {
        credentials = BrokerCredentials.loadOrCreate(folder);
        accounts = new MissionAccounts(folder.resolve(MissionAccounts.FILE_NAME));
        manager = new LinkSecurityManager(new InternalUserSecurityManager(credentials), accounts, new LinkAlarms(), new MissionInstances(),
                mission -> { });
    }

    @Test
    void aMissionSendsToInboundAndReadsItsOwnQueueAndNothingElse() {
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.SEND, SyncQueues.INBOUND)).isTrue();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.SEND, SyncQueues.INBOUND + "::" + SyncQueues.INBOUND)).isTrue();
        // consumers and browsers are checked with the fully qualified queue name
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.CONSUME, OWN + "::" + OWN)).isTrue();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.BROWSE, OWN + "::" + OWN)).isTrue();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.CONSUME, OWN)).isTrue();

        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.CONSUME, OTHER + "::" + OTHER)).isFalse();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.CONSUME, OWN + "::other")).isFalse();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.CONSUME, SyncQueues.INBOUND)).isFalse();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.SEND, OWN)).isFalse();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.SEND, OTHER)).isFalse();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.SEND, "diwan.sync.#")).isFalse();
        assertThat(LinkSecurityManager.missionMay("KBL", CheckType.SEND, null)).isFalse();
        for (CheckType check : EnumSet.complementOf(EnumSet.of(CheckType.SEND, CheckType.CONSUME, CheckType.BROWSE))) {
            assertThat(LinkSecurityManager.missionMay("KBL", check, SyncQueues.INBOUND)).as(check.name()).isFalse();
            assertThat(LinkSecurityManager.missionMay("KBL", check, OWN + "::" + OWN)).as(check.name()).isFalse();
        }
    }

    @Test
    void theInternalUserKeepsEveryRightOutsideTheLink() {
        Subject internal = manager.authenticate(credentials.user(), credentials.password(), null, null);
        assertThat(internal).isNotNull();
        Set<Role> roles = Set.of(BrokerConfiguration.internalRole());
        for (CheckType check : CheckType.values()) {
            assertThat(manager.authorize(internal, roles, check, OTHER)).as(check.name()).isTrue();
        }
        assertThat(manager.authenticate(credentials.user(), "wrong", null, null)).isNull();
    }

    @Test
    void missionsLogInOnlyOverTheLink() throws Exception {
        String secret = accounts.enrol("KBL");
        // no connection (in-VM, management): not the TLS link
        assertThat(manager.authenticate("KBL", secret, null, null)).isNull();
        assertThat(manager.validateUser("KBL", secret)).isFalse();
    }

    @Test
    void aMissionSubjectIsJudgedByThePolicyNotByRoles() {
        Subject mission = new Subject();
        mission.getPrincipals().add(new UserPrincipal("KBL"));
        mission.getPrincipals().add(new RolePrincipal(LinkSecurityManager.MISSION_ROLE));
        mission.getPrincipals().add(new RolePrincipal(LinkSecurityManager.MISSION_ROLE_PREFIX + "KBL"));
        // even a role set granting everything gives a mission nothing beyond its policy
        Set<Role> everything = Set.of(BrokerConfiguration.internalRole(), new Role(LinkSecurityManager.MISSION_ROLE, true, true, true,
                true, true, true, true, true, true, true, true, true));
        assertThat(manager.authorize(mission, everything, CheckType.SEND, SyncQueues.INBOUND)).isTrue();
        assertThat(manager.authorize(mission, everything, CheckType.SEND, OTHER)).isFalse();
        assertThat(manager.authorize(mission, everything, CheckType.MANAGE, "activemq.management")).isFalse();
        assertThat(LinkSecurityManager.missionOf(mission)).isEqualTo("KBL");
        assertThat(manager.authorize(null, everything, CheckType.SEND, SyncQueues.INBOUND)).isFalse();
    }
}
