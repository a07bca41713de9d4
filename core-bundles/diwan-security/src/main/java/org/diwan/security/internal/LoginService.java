package org.diwan.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.security.Account;
import org.diwan.api.security.AccountRules;
import org.diwan.api.security.Actor;
import org.diwan.api.security.Authenticator;
import org.diwan.api.security.FailedLogins;
import org.diwan.api.security.Lockout;
import org.diwan.api.security.Lockouts;
import org.diwan.api.security.LoginResult.Outcome;
import org.diwan.api.security.LoginResult;
import org.diwan.api.validation.LogText;
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
 * Logins under the rules of {@link LockoutRules}: a lock holds a login name for one address key, so that
 * failures from one place never keep the owner out from another; an address failing over many names is
 * refused for a while; an account under attack from many addresses stays open to the addresses it logged in
 * from before. Every refusal is decided before the password is hashed, so refused attempts answer at once
 * and never take one of the few hashing slots. A wrong login name counts the same as a wrong password.
 */
@Component(service = {Authenticator.class, Lockouts.class}, configurationPid = "org.diwan.security.lockout")
@Designate(ocd = LockoutConfig.class)
public final class LoginService implements Authenticator, Lockouts {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);
    private static final int NOTICE_ADDRESSES = 5;

    private final AccountRepository repository;
    private final LoginRecords records;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final LockoutRules rules;
    private final AddressThrottle throttle;
    private final DirectoryAccounts directoryAccounts;
    private volatile Instant nextPrune = Instant.MIN;

    /** Set while an LDAP directory is configured (etc/org.diwan.security.ldap.cfg). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile LdapDirectory directory;

    @Activate
    public LoginService(@Reference(target = "(diwan.schema=security)") DataSource dataSource,
            @Reference PasswordHasher hasher, @Reference AuditLog audit, LockoutConfig config) {
        this(new AccountRepository(dataSource), new LoginRecords(dataSource), hasher, audit, Clock.systemUTC(),
                LockoutRules.from(config));
    }

    LoginService(AccountRepository repository, LoginRecords records, PasswordHasher hasher, AuditLog audit, Clock clock,
            LockoutRules rules) {
        this.repository = repository;
        this.records = records;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.rules = rules;
        this.throttle = new AddressThrottle(rules.maxAddressFailures(), rules.window());
        this.directoryAccounts = new DirectoryAccounts(repository, hasher, audit);
    }

    @Override
    public LoginResult login(String username, char[] password, String address) {
        String name = AccountRules.normalizeUsername(username);
        String from = address == null || address.isBlank() ? "local" : address;
        String key = AddressKey.of(from);
        Instant now = clock.instant();

        Optional<Instant> throttled = throttle.blockedUntil(key, now);
        if (throttled.isPresent()) {
            return LoginResult.failure(Outcome.RATE_LIMITED, throttled.get());
        }
        Optional<Instant> locked = lockedUntil(name, key, now);
        if (locked.isPresent()) {
            return LoginResult.failure(Outcome.LOCKED, locked.get());
        }

        Optional<AccountRepository.Stored> stored = AccountRules.USERNAME.matcher(name).matches()
                ? repository.find(name) : Optional.empty();
        Optional<Account> account = check(name, password, stored, now, from);
        if (account.isPresent()) {
            Optional<FailedLogins> notice = sinceLastLogin(name, now);
            records.recordSuccess(name, key, now);
            audit.record(new AuditEntry(now, name, "session.login", name,
                    notice.map(n -> n.count() + " failed logins since the last one, from " + n.addresses()).orElse(""), from));
            return LoginResult.success(account.get(), notice);
        }
        return failed(name, key, from, now);
    }

    private LoginResult failed(String name, String key, String from, Instant now) {
        records.recordFailure(name, key, now);
        throttle.fail(key, now);
        LOG.warn("Login failed for '{}' from {}", LogText.escaped(name), LogText.escaped(from));
        if (throttle.blockedUntil(key, now).isPresent()) {
            LOG.warn("Logins from {} refused until the window has passed: {} failed logins within {} min", key,
                    rules.maxAddressFailures(), rules.window().toMinutes());
            audit.record(new AuditEntry(now, "system", "address.throttle", key, rules.maxAddressFailures()
                    + " failed logins over all names within " + rules.window().toMinutes() + " min", from));
        }
        prune(now);
        Optional<Instant> pair = pairLockedUntil(name, key, now);
        if (pair.isPresent()) {
            LOG.warn("Login name '{}' locked for {} until {}: {} failed logins from there", LogText.escaped(name), key, pair.get(),
                    rules.maxFailures());
            audit.record(new AuditEntry(now, "system", "account.lockout", name, rules.maxFailures() + " failed logins from "
                    + key + " within " + rules.window().toMinutes() + " min; locked for that address until " + pair.get(), from));
            return LoginResult.failure(Outcome.LOCKED, pair.get());
        }
        List<Instant> lastHour = accountFailures(name, now);
        if (rules.accountFailuresPerHour() > 0 && lastHour.size() == rules.accountFailuresPerHour()) {
            LOG.warn("Login name '{}' under attack: {} failed logins within an hour; now refused to addresses it never logged in from",
                    LogText.escaped(name), lastHour.size());
            audit.record(new AuditEntry(now, "system", "account.attack", name, lastHour.size()
                    + " failed logins within an hour from several addresses; refused to unknown addresses until "
                    + rules.accountLockedUntil(lastHour, now).map(Object::toString).orElse("?"), from));
        }
        return lockedUntil(name, key, now).map(until -> LoginResult.failure(Outcome.LOCKED, until))
                .orElseGet(() -> LoginResult.failure(Outcome.BAD_CREDENTIALS, null));
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

    /** Whether this name is refused from this address key now, and until when. */
    private Optional<Instant> lockedUntil(String name, String key, Instant now) {
        Optional<Instant> pair = pairLockedUntil(name, key, now);
        if (pair.isPresent()) {
            return pair;
        }
        Optional<Instant> account = rules.accountLockedUntil(accountFailures(name, now), now);
        return account.isPresent() && !known(name, key, now) ? account : Optional.empty();
    }

    private Optional<Instant> pairLockedUntil(String name, String key, Instant now) {
        Instant from = latest(now.minus(rules.memory()), records.lastUnlock(name), records.lastSuccess(name, key));
        return rules.pairLockedUntil(records.pairFailuresAfter(name, key, from), now);
    }

    private List<Instant> accountFailures(String name, Instant now) {
        Instant from = latest(now.minus(LockoutRules.HOUR), records.lastUnlock(name), Optional.empty());
        return records.failuresAfter(name, from).stream().map(LoginRecords.Failure::at).toList();
    }

    private boolean known(String name, String key, Instant now) {
        return records.lastSuccess(name, key).filter(at -> at.isAfter(now.minus(LockoutRules.KNOWN_FOR))).isPresent();
    }

    /** The failures since the owner's previous login (within the retention), for the notice at this one. */
    private Optional<FailedLogins> sinceLastLogin(String name, Instant now) {
        Instant from = latest(now.minus(LockoutRules.RETENTION), records.lastSuccess(name), Optional.empty());
        List<LoginRecords.Failure> failures = records.failuresAfter(name, from);
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byAddress = failures.stream()
                .collect(Collectors.groupingBy(LoginRecords.Failure::address, LinkedHashMap::new, Collectors.counting()));
        List<String> addresses = byAddress.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(NOTICE_ADDRESSES).map(Map.Entry::getKey).toList();
        return Optional.of(new FailedLogins(failures.size(), addresses));
    }

    @Override
    public List<Lockout> current() {
        Instant now = clock.instant();
        Map<String, List<String>> addressesByName = new TreeMap<>();
        for (LoginRecords.Failure f : records.allFailuresAfter(now.minus(rules.memory()))) {
            List<String> addresses = addressesByName.computeIfAbsent(f.username(), n -> new ArrayList<>());
            if (!addresses.contains(f.address())) {
                addresses.add(f.address());
            }
        }
        List<Lockout> locks = new ArrayList<>();
        addressesByName.forEach((name, addresses) -> lockout(name, addresses, now).ifPresent(locks::add));
        return locks;
    }

    private Optional<Lockout> lockout(String name, List<String> addresses, Instant now) {
        Map<String, Instant> locked = addresses.stream()
                .flatMap(key -> pairLockedUntil(name, key, now).map(until -> Map.entry(key, until)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        Optional<Instant> account = rules.accountLockedUntil(accountFailures(name, now), now);
        if (locked.isEmpty() && account.isEmpty()) {
            return Optional.empty();
        }
        Instant until = account.orElse(Instant.MIN);
        for (Instant pair : locked.values()) {
            until = pair.isAfter(until) ? pair : until;
        }
        return Optional.of(new Lockout(name, List.copyOf(locked.keySet()), until, account.isPresent()));
    }

    @Override
    public boolean unlock(String username, Actor actor) {
        String name = AccountRules.normalizeUsername(username);
        Instant now = clock.instant();
        List<String> addresses = records.failuresAfter(name, now.minus(rules.memory())).stream()
                .map(LoginRecords.Failure::address).distinct().toList();
        Optional<Lockout> before = lockout(name, addresses, now);
        records.recordUnlock(name, now);
        String detail = before.map(l -> "locks lifted for " + l.addresses() + (l.accountWide() ? " and unknown addresses" : ""))
                .orElse("no lock was in force; earlier failures no longer count");
        audit.record(new AuditEntry(now, actor.username(), "account.unlock", name, detail, actor.address()));
        LOG.info("Login name '{}' unlocked by {}: {}", LogText.escaped(name), actor.username(), detail);
        return before.isPresent();
    }

    /** Forgets old failures now and then, so that the table stays the size of recent history. */
    private void prune(Instant now) {
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(LockoutRules.HOUR);
        records.prune(now.minus(LockoutRules.RETENTION), now.minus(LockoutRules.KNOWN_FOR));
    }

    @SafeVarargs
    private static Instant latest(Instant floor, Optional<Instant>... others) {
        Instant latest = floor;
        for (Optional<Instant> other : others) {
            if (other.isPresent() && other.get().isAfter(latest)) {
                latest = other.get();
            }
        }
        return latest;
    }

}
