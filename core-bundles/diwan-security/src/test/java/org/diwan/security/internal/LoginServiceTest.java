package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.diwan.api.security.Actor;
import org.diwan.api.security.LoginResult;
import org.diwan.api.security.LoginResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginServiceTest {

    private static final String PASSWORD = "the right password";

    @TempDir
    Path folder;

    private SecurityFixture fixture;
    private LoginService logins;

    @BeforeEach
    void open() throws Exception {
        fixture = new SecurityFixture(folder);
        fixture.accounts.create("laila", "ليلى", PASSWORD.toCharArray(), Set.of(), Actor.SYSTEM);
        logins = new LoginService(fixture.repository, SecurityFixture.HASHER, fixture.audit, fixture.clock, 5,
                Duration.ofMinutes(15), Duration.ofMinutes(15), 8);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void acceptsTheRightPasswordAndAuditsTheLogin() {
        LoginResult result = login("Laila", PASSWORD, "10.0.0.1");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.account().orElseThrow().username()).isEqualTo("laila");
        assertThat(fixture.audit.actions()).endsWith("session.login");
    }

    @Test
    void wrongPasswordAndUnknownNameLookTheSame() {
        assertThat(login("laila", "the wrong password", "10.0.0.1").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(login("nobody", PASSWORD, "10.0.0.2").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(login("'; DROP TABLE account; --", PASSWORD, "10.0.0.3").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    void locksTheAccountAfterFiveFailuresEvenAgainstTheRightPassword() {
        for (int i = 0; i < 4; i++) {
            assertThat(login("laila", "wrong " + i, "10.0.0." + i).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
            fixture.clock.advance(Duration.ofMinutes(1));
        }
        LoginResult fifth = login("laila", "wrong 5", "10.0.0.9");
        assertThat(fifth.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(fifth.retryAfter()).contains(fixture.clock.instant().plus(Duration.ofMinutes(15)));

        assertThat(login("laila", PASSWORD, "10.0.0.10").outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(fixture.audit.actions()).containsOnlyOnce("account.lockout");
    }

    @Test
    void unlocksWhenTheLockHasRunOutAndSuccessClearsTheCount() {
        for (int i = 0; i < 5; i++) {
            login("laila", "wrong " + i, "10.0.1." + i);
        }
        fixture.clock.advance(Duration.ofMinutes(16));
        assertThat(login("laila", PASSWORD, "10.0.1.9").succeeded()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(login("laila", "wrong again " + i, "10.0.2." + i).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        }
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            login("laila", "wrong " + i, "10.0.3." + i);
        }
        fixture.clock.advance(Duration.ofMinutes(20));
        assertThat(login("laila", "wrong again", "10.0.3.9").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    void slowsDownAnAddressGuessingManyAccounts() {
        for (int i = 0; i < 8; i++) {
            assertThat(login("user" + i, "guess", "203.0.113.5").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        }
        assertThat(login("laila", PASSWORD, "203.0.113.5").outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(login("laila", PASSWORD, "203.0.113.6").succeeded()).isTrue();
        fixture.clock.advance(Duration.ofMinutes(16));
        assertThat(login("laila", PASSWORD, "203.0.113.5").succeeded()).isTrue();
    }

    private LoginResult login(String name, String password, String address) {
        return logins.login(name, password.toCharArray(), address);
    }
}
