package org.diwan.distribution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.security.Account;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.Authenticator;
import org.diwan.api.security.LoginResult;
import org.diwan.api.security.Setup;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The security core in the running distribution, on a fresh data folder: no login before setup, the setup
 * token creates the first administrator once, logins lock after repeated failures, all of it audited.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT {

    private static final String PASSWORD = "a strong first password";

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    private Setup setup;

    @Inject
    private Authenticator authenticator;

    @Inject
    private Accounts accounts;

    @Inject
    private AuditLog audit;

    @Configuration
    public Option[] config() {
        return DiwanContainer.options();
    }

    @Test
    public void setupLockoutAndAuditFromFirstStart() throws Exception {
        // Before setup: no account, no login, a token waiting under the data folder.
        assertTrue(setup.required());
        assertTrue(accounts.list().isEmpty());
        assertFalse(authenticator.login("admin", "admin".toCharArray(), "127.0.0.1").succeeded());
        Path tokenFile = Path.of(System.getProperty("karaf.data"), "setup-token");
        String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();

        expectRefusal(AccountException.Reason.SETUP_TOKEN_INVALID, () -> setup.complete(token + "x", "chief", "الرئيس", PASSWORD.toCharArray(), "10.9.9.9"));
        Account chief = setup.complete(token, "chief", "الرئيس", PASSWORD.toCharArray(), "10.9.9.9");
        assertTrue(chief.isAdmin());
        assertFalse(Files.exists(tokenFile));
        expectRefusal(AccountException.Reason.SETUP_ALREADY_DONE, () -> setup.complete(token, "second", "x", PASSWORD.toCharArray(), "10.9.9.9"));
        assertEquals(Set.of("*"), accounts.permissions("chief"));

        LoginResult ok = authenticator.login("chief", PASSWORD.toCharArray(), "10.9.9.9");
        assertTrue(ok.succeeded());

        accounts.create("clerk", "موظف", "stamps and ledgers 2026".toCharArray(), Set.of(), new Actor("chief", "10.9.9.9"));
        LoginResult last = null;
        for (int i = 0; i < 5; i++) {
            last = authenticator.login("clerk", ("wrong " + i).toCharArray(), "10.8.8.8");
        }
        assertEquals(LoginResult.Outcome.LOCKED, last.outcome());
        assertEquals(LoginResult.Outcome.LOCKED, authenticator.login("clerk", "stamps and ledgers 2026".toCharArray(), "10.8.8.8").outcome());
        // a lock holds the name for the address it came from only
        assertTrue(authenticator.login("clerk", "stamps and ledgers 2026".toCharArray(), "10.8.8.9").succeeded());

        List<String> actions = audit.recent(0, 50).stream().map(AuditEntry::action).toList();
        for (String expected : List.of("setup.complete", "account.create", "session.login", "account.lockout")) {
            assertTrue(expected + " audited in " + actions, actions.contains(expected));
        }
        AuditEntry setupEntry = audit.recent(0, 50).stream().filter(e -> e.action().equals("setup.complete")).findFirst().orElseThrow();
        assertEquals("10.9.9.9", setupEntry.address());
    }

    private static void expectRefusal(AccountException.Reason reason, Runnable action) {
        try {
            action.run();
            fail("expected " + reason);
        } catch (AccountException e) {
            assertEquals(reason, e.reason());
        }
    }
}
