package org.diwan.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.security.Account;
import org.diwan.api.security.AccountRules;
import org.diwan.api.security.Authenticator;
import org.diwan.api.security.LoginResult;
import org.diwan.api.security.LoginResult.Outcome;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins with lockout: {@code maxFailures} failures within the window lock the account until
 * {@code lockMinutes} after the last of them; an address failing too often over all accounts is refused for a
 * while. A wrong login name costs the same hashing time and counts the same as a wrong password.
 */
@Component(service = Authenticator.class, configurationPid = "org.diwan.security.lockout")
@Designate(ocd = LockoutConfig.class)
public final class LoginService implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lock;
    private final AddressThrottle throttle;
    private final DirectoryAccounts directoryAccounts;

    /** Set while an LDAP directory is configured (etc/org.diwan.security.ldap.cfg). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LdapDirectory directory;

    @Activate
    public LoginService(@Reference(target = "(diwan.schema=security)") DataSource dataSource,
            @Reference PasswordHasher hasher, @Reference AuditLog audit, LockoutConfig config) {
        this(new AccountRepository(dataSource), hasher, audit, Clock.systemUTC(), config.maxFailures(),
                Duration.ofMinutes(config.windowMinutes()), Duration.ofMinutes(config.lockMinutes()), config.maxAddressFailures());
    }

    LoginService(AccountRepository repository, PasswordHasher hasher, AuditLog audit, Clock clock, int maxFailures,
            Duration window, Duration lock, int maxAddressFailures) {
        this.repository = repository;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
        this.throttle = new AddressThrottle(maxAddressFailures, window);
        this.directoryAccounts = new DirectoryAccounts(repository, hasher, audit);
    }

    @Override
    public LoginResult login(String username, char[] password, String address) {
        String name = AccountRules.normalizeUsername(username);
        String from = address == null || address.isBlank() ? "local" : address;
        Instant now = clock.instant();

        Optional<Instant> throttled = throttle.blockedUntil(from, now);
        if (throttled.isPresent()) {
            LOG.warn("Login refused: too many failures from {}", from);
            return LoginResult.failure(Outcome.RATE_LIMITED, throttled.get());
        }
        Optional<Instant> lockedUntil = lockedUntil(repository.failuresSince(name, now.minus(window)), now);
        if (lockedUntil.isPresent()) {
            hasher.verifyDecoy(password);
            return LoginResult.failure(Outcome.LOCKED, lockedUntil.get());
        }

        Optional<AccountRepository.Stored> stored = AccountRules.USERNAME.matcher(name).matches()
                ? repository.find(name) : Optional.empty();
        Optional<Account> account = check(name, password, stored, now, from);
        if (account.isPresent()) {
            repository.clearFailures(name);
            audit.record(new AuditEntry(now, name, "session.login", name, "", from));
            return LoginResult.success(account.get());
        }

        repository.recordFailure(name, now, from);
        throttle.fail(from, now);
        LOG.warn("Login failed for '{}' from {}", name, from);
        Optional<Instant> nowLocked = lockedUntil(repository.failuresSince(name, now.minus(window)), now);
        if (nowLocked.isPresent()) {
            audit.record(new AuditEntry(now, "system", "account.lockout", name,
                    maxFailures + " failed logins within " + window.toMinutes() + " min; locked until " + nowLocked.get(), from));
            return LoginResult.failure(Outcome.LOCKED, nowLocked.get());
        }
        return LoginResult.failure(Outcome.BAD_CREDENTIALS, null);
    }

    /**
     * A local account's password is checked here; a directory account's, and an unknown name's when a
     * directory is configured, by the directory. A disabled account never logs in.
     */
    private Optional<Account> check(String name, char[] password, Optional<AccountRepository.Stored> stored, Instant now,
            String from) {
        LdapDirectory ldap = directory;
        if (stored.isPresent() && !stored.get().account().enabled()) {
            hasher.verifyDecoy(password);
            return Optional.empty();
        }
        if (stored.isPresent() && !stored.get().fromDirectory()) {
            return hasher.verify(password, stored.get().passwordHash()) ? Optional.of(stored.get().account()) : Optional.empty();
        }
        if (ldap != null) {
            return ldap.authenticate(name, password).map(user -> directoryAccounts.sync(user, stored, now, from));
        }
        hasher.verifyDecoy(password);
        return Optional.empty();
    }

    private Optional<Instant> lockedUntil(List<Instant> failures, Instant now) {
        if (failures.size() < maxFailures) {
            return Optional.empty();
        }
        Instant until = failures.get(failures.size() - 1).plus(lock);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
