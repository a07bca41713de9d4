package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalUserSecurityManagerTest {

    @TempDir
    Path folder;
    private BrokerCredentials credentials;
    private InternalUserSecurityManager manager;

    @BeforeEach
    void setUp() throws Exception {
        credentials = BrokerCredentials.loadOrCreate(folder);
        manager = new InternalUserSecurityManager(credentials);
    }

    @Test
    void authenticatesOnlyTheInternalUser() {
        assertThat(manager.authenticate(credentials.user(), credentials.password(), null, null)).isNotNull();
        assertThat(manager.authenticate(null, null, null, null)).isNull();
        assertThat(manager.authenticate(credentials.user(), null, null, null)).isNull();
        assertThat(manager.authenticate("guest", credentials.password(), null, null)).isNull();
        assertThat(manager.authenticate(credentials.user(), "guest", null, null)).isNull();
        assertThat(manager.validateUser("guest", "guest")).isFalse();
    }

    @Test
    void authorizesTheInternalRoleForEveryCheck() {
        Subject subject = manager.authenticate(credentials.user(), credentials.password(), null, null);
        Set<Role> roles = Set.of(BrokerConfiguration.internalRole());
        for (CheckType check : CheckType.values()) {
            assertThat(manager.authorize(subject, roles, check, "diwan.events.missions.created")).as(check.name()).isTrue();
        }
    }

    @Test
    void deniesSubjectsWithoutTheRole() {
        Set<Role> roles = Set.of(BrokerConfiguration.internalRole());
        assertThat(manager.authorize(new Subject(), roles, CheckType.SEND, "diwan.events.x.y")).isFalse();
        assertThat(manager.authorize(null, roles, CheckType.SEND, "diwan.events.x.y")).isFalse();
        assertThat(manager.validateUserAndRole(credentials.user(), credentials.password(), Set.of(new Role("other", true, true, true,
                true, true, true, true, true, true, true, true, true)), CheckType.SEND)).isFalse();
    }
}
