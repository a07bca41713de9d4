package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.security.Actor;
import org.diwan.api.security.FailedLogins;
import org.diwan.api.security.Lockout;
import org.diwan.api.security.LoginResult;
import org.diwan.api.security.LoginResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginServiceTest {

    private static final String PASSWORD = "the right password";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path folder;

    private SecurityFixture fixture;
    private LoginService logins;

    @BeforeEach
    void open() throws Exception {
        fixture = new SecurityFixture(folder);
        fixture.accounts.create("laila", "ليلى", PASSWORD.toCharArray(), Set.of(), Actor.SYSTEM);
        logins = fixture.logins(new LockoutRules(5, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(60), 8, 12));
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
        assertThat(result.sinceLastLogin()).isEmpty();
        assertThat(fixture.audit.actions()).endsWith("session.login");
    }

    @Test
    void wrongPasswordAndUnknownNameLookTheSame() {
        assertThat(login("laila", "the wrong password", "10.0.0.1").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(login("nobody", PASSWORD, "10.0.0.2").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(login("'; DROP TABLE account; --", PASSWORD, "10.0.0.3").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        for (int i = 0; i < 5; i++) {
            login("nobody", "guess " + i, "10.0.0.4");
        }
        assertThat(login("nobody", "guess", "10.0.0.4").outcome()).as("unknown names lock like real ones").isEqualTo(Outcome.LOCKED);
    }

    @Test
    void failuresFromOneAddressLockTheNameForThatAddressOnly() {
        for (int i = 0; i < 4; i++) {
            assertThat(login("laila", "wrong " + i, "198.51.100.7").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
            fixture.clock.advance(MINUTE);
        }
        LoginResult fifth = login("laila", "wrong 5", "198.51.100.7");
        assertThat(fifth.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(fifth.retryAfter()).contains(fixture.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(login("laila", PASSWORD, "198.51.100.7").outcome()).isEqualTo(Outcome.LOCKED);

        assertThat(login("laila", PASSWORD, "192.0.2.10").succeeded()).as("the owner elsewhere").isTrue();
        AuditEntry lockout = fixture.audit.entries.stream().filter(e -> e.action().equals("account.lockout")).findFirst().orElseThrow();
        assertThat(lockout.target()).isEqualTo("laila");
        assertThat(lockout.address()).isEqualTo("198.51.100.7");
        assertThat(lockout.detail()).contains("198.51.100.7");
    }

    @Test
    void attemptsDuringALockNeitherExtendItNorRunTheHasher() {
        for (int i = 0; i < 5; i++) {
            login("laila", "wrong " + i, "198.51.100.7");
        }
        Instant until = fixture.clock.instant().plus(Duration.ofMinutes(15));
        long hashes = SecurityFixture.HASHER.runs();
        for (int i = 0; i < 14; i++) {
            fixture.clock.advance(MINUTE);
            LoginResult refused = login("laila", "wrong again " + i, "198.51.100.7");
            assertThat(refused.outcome()).isEqualTo(Outcome.LOCKED);
            assertThat(refused.retryAfter()).contains(until);
        }
        assertThat(SecurityFixture.HASHER.runs()).as("Argon2 runs for refused attempts").isEqualTo(hashes);
        fixture.clock.advance(MINUTE);
        assertThat(login("laila", PASSWORD, "198.51.100.7").succeeded()).isTrue();
    }

    @Test
    void repeatedLocksOfOneAddressLastLongerUpToTheCap() {
        logins = fixture.logins(new LockoutRules(5, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(60), 8, 0));
        List<Duration> locks = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(60));
        for (Duration expected : locks) {
            LoginResult last = null;
            for (int i = 0; i < 5; i++) {
                last = login("laila", "wrong " + i, "198.51.100.7");
            }
            assertThat(last.outcome()).isEqualTo(Outcome.LOCKED);
            assertThat(last.retryAfter()).contains(fixture.clock.instant().plus(expected));
            fixture.clock.advance(expected);
        }
        assertThat(login("laila", PASSWORD, "198.51.100.8").succeeded()).isTrue();
    }

    @Test
    void slowsDownAnAddressGuessingManyNamesWithoutHashing() {
        for (int i = 0; i < 8; i++) {
            assertThat(login("user" + i, "guess", "203.0.113.5").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        }
        long hashes = SecurityFixture.HASHER.runs();
        assertThat(login("laila", PASSWORD, "203.0.113.5").outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(SecurityFixture.HASHER.runs()).isEqualTo(hashes);
        assertThat(fixture.audit.actions()).containsOnlyOnce("address.throttle");
        assertThat(login("laila", PASSWORD, "203.0.113.6").succeeded()).isTrue();
        fixture.clock.advance(Duration.ofMinutes(16));
        assertThat(login("laila", PASSWORD, "203.0.113.5").succeeded()).isTrue();
    }

    @Test
    void anIpv6NetworkCountsAsOneAddress() {
        for (int i = 1; i <= 5; i++) {
            login("laila", "wrong " + i, "2001:db8:1:2::" + i);
        }
        assertThat(login("laila", PASSWORD, "2001:db8:1:2:ffff::99").outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(login("laila", PASSWORD, "2001:db8:1:3::1").succeeded()).isTrue();
    }

    @Test
    void anAttackFromManyAddressesClosesTheAccountToUnknownAddressesOnly() {
        assertThat(login("laila", PASSWORD, "192.0.2.10").succeeded()).isTrue();
        for (int i = 0; i < 12; i++) {
            assertThat(login("laila", "wrong", "198.51.100." + i).outcome()).isIn(Outcome.BAD_CREDENTIALS, Outcome.LOCKED);
        }
        assertThat(login("laila", PASSWORD, "198.51.100.200").outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(fixture.audit.actions()).containsOnlyOnce("account.attack");
        assertThat(login("laila", PASSWORD, "192.0.2.10").succeeded()).as("from where the owner logged in before").isTrue();
        assertThat(logins.current()).singleElement().satisfies(lock -> assertThat(lock.accountWide()).isTrue());
        fixture.clock.advance(Duration.ofMinutes(61));
        assertThat(login("laila", PASSWORD, "198.51.100.200").succeeded()).isTrue();
    }

    @Test
    void unlockLiftsTheLocksOfANameAndIsAudited() {
        for (int i = 0; i < 5; i++) {
            login("laila", "wrong " + i, "198.51.100.7");
        }
        assertThat(logins.current()).singleElement().satisfies(lock -> {
            assertThat(lock.username()).isEqualTo("laila");
            assertThat(lock.addresses()).containsExactly("198.51.100.7");
            assertThat(lock.accountWide()).isFalse();
        });
        fixture.clock.advance(MINUTE);
        assertThat(logins.unlock("Laila", new Actor("chief", "192.0.2.1"))).isTrue();
        AuditEntry unlock = fixture.audit.entries.get(fixture.audit.entries.size() - 1);
        assertThat(unlock.action()).isEqualTo("account.unlock");
        assertThat(unlock.actor()).isEqualTo("chief");
        assertThat(unlock.target()).isEqualTo("laila");
        assertThat(unlock.detail()).contains("198.51.100.7");
        assertThat(logins.current()).isEmpty();
        assertThat(login("laila", PASSWORD, "198.51.100.7").succeeded()).isTrue();
        assertThat(logins.unlock("laila", new Actor("chief", "192.0.2.1"))).isFalse();
    }

    @Test
    void theOwnerHearsOfFailedLoginsAtTheNextLogin() {
        assertThat(login("laila", PASSWORD, "192.0.2.10").succeeded()).isTrue();
        fixture.clock.advance(MINUTE);
        for (int i = 0; i < 3; i++) {
            login("laila", "wrong " + i, "198.51.100.7");
        }
        login("laila", "wrong", "2001:db8:1:2::1");
        fixture.clock.advance(MINUTE);
        LoginResult next = login("laila", PASSWORD, "192.0.2.10");
        assertThat(next.succeeded()).isTrue();
        assertThat(next.sinceLastLogin()).contains(new FailedLogins(4, List.of("198.51.100.7", "2001:db8:1:2::/64")));
        fixture.clock.advance(MINUTE);
        assertThat(login("laila", PASSWORD, "192.0.2.10").sinceLastLogin()).as("told once").isEmpty();
    }

    @Test
    void locksSurviveARestartOfTheService() {
        for (int i = 0; i < 5; i++) {
            login("laila", "wrong " + i, "198.51.100.7");
        }
        LoginService restarted = fixture.logins(SecurityFixture.RULES);
        assertThat(restarted.login("laila", PASSWORD.toCharArray(), "198.51.100.7").outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(restarted.current()).extracting(Lockout::username).containsExactly("laila");
    }

    private LoginResult login(String name, String password, String address) {
        return logins.login(name, password.toCharArray(), address);
    }
}
