package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.diwan.api.security.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleLoginModuleTest {

    private static final String PASSWORD = "console password 2026";

    @TempDir
    Path folder;

    private SecurityFixture fixture;
    private LoginService logins;

    @BeforeEach
    void open() throws Exception {
        fixture = new SecurityFixture(folder);
        fixture.accounts.create("operator", "المشغل", PASSWORD.toCharArray(), Set.of("admin"), Actor.SYSTEM);
        logins = fixture.logins(SecurityFixture.RULES);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void readsTheSshClientAddressKarafGivesTheSubject() {
        assertThat(ConsoleLoginModule.host("/127.0.0.2:41234")).isEqualTo("127.0.0.2");
        assertThat(ConsoleLoginModule.host("localhost/127.0.0.1:22")).isEqualTo("127.0.0.1");
        assertThat(ConsoleLoginModule.host("/[0:0:0:0:0:0:0:1]:22")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(ConsoleLoginModule.clientAddress(new Subject())).isEqualTo("ssh");
    }

    @Test
    void failuresFromOneSshClientDoNotLockTheConsoleForAnother() throws Exception {
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> login("/127.0.0.2:5000" + attempt, "wrong " + attempt)).isInstanceOf(FailedLoginException.class);
        }
        assertThatThrownBy(() -> login("/127.0.0.2:50010", PASSWORD)).hasMessageContaining("locked");
        Subject other = login("/127.0.0.3:50011", PASSWORD);
        assertThat(other.getPrincipals(UserPrincipal.class)).extracting(UserPrincipal::getName).containsExactly("operator");
        assertThat(fixture.audit.entries).filteredOn(e -> e.action().equals("account.lockout"))
                .singleElement().satisfies(e -> assertThat(e.address()).isEqualTo("127.0.0.2"));
    }

    private Subject login(String client, String password) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", client));
        ConsoleLoginModule module = new ConsoleLoginModule();
        module.initialize(subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName("operator");
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        }, Map.of(), Map.of(ConsoleLoginModule.AUTHENTICATOR_OPTION, logins));
        module.login();
        module.commit();
        return subject;
    }
}
