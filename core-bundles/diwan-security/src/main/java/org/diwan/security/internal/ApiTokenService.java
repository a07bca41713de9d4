package org.diwan.security.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.AccountRules;
import org.diwan.api.security.Actor;
import org.diwan.api.security.ApiToken;
import org.diwan.api.security.ApiTokens;
import org.diwan.api.security.IssuedToken;
import org.diwan.api.security.TokenCheck;
import org.diwan.api.security.TokenCheck.Outcome;
import org.diwan.api.security.TokenException;
import org.diwan.api.security.TokenException.Reason;
import org.diwan.api.validation.LogText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens: {@code dwn_} + 32 random bytes in base64url, stored as an HMAC-SHA256 under the node's {@link TokenKey}.
 * A check costs one HMAC and one indexed read; the last use is written at most once a minute per token. Refused
 * checks are audited ({@code token.refused}, with the token's id when it is known, never its text) and count
 * against the client's address key in an {@link AddressThrottle} with the login's limits (PID
 * {@code org.diwan.security.lockout}: {@code maxAddressFailures} within {@code windowMinutes}).
 */
@Component(service = ApiTokens.class, configurationPid = "org.diwan.security.lockout")
public final class ApiTokenService implements ApiTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokenService.class);
    static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    static final Duration LAST_USED_STEP = Duration.ofMinutes(1);
    private static final Duration MIN_LIFETIME = Duration.ofDays(1);

    private final AccountRepository accounts;
    private final ApiTokenStore store;
    private final TokenKey key;
    private final AuditLog audit;
    private final Clock clock;
    private final AddressThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public ApiTokenService(@Reference(target = "(diwan.schema=security)") DataSource dataSource, @Reference AuditLog audit,
            BundleContext context, LockoutConfig config) {
        this(new AccountRepository(dataSource), new ApiTokenStore(dataSource), TokenKey.inDataFolder(Path.of(context.getProperty("karaf.data"))),
                audit, Clock.systemUTC(), new AddressThrottle(config.maxAddressFailures(), Duration.ofMinutes(config.windowMinutes())));
    }

    ApiTokenService(AccountRepository accounts, ApiTokenStore store, TokenKey key, AuditLog audit, Clock clock, AddressThrottle throttle) {
        this.accounts = accounts;
        this.store = store;
        this.key = key;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
    }

    @Override
    public IssuedToken create(String owner, String name, Set<String> scope, Duration lifetime, Actor actor) {
        String username = AccountRules.normalizeUsername(owner);
        AccountRepository.Stored account = accounts.find(username)
                .orElseThrow(() -> new TokenException(Reason.UNKNOWN_ACCOUNT, String.valueOf(owner)));
        if (!account.account().enabled()) {
            throw new TokenException(Reason.ACCOUNT_DISABLED, username);
        }
        String label = name == null ? "" : name.strip();
        checkName(label);
        if (scope == null || scope.isEmpty() || scope.size() > SCOPE_MAX) {
            throw new TokenException(Reason.SCOPE_INVALID, "between 1 and " + SCOPE_MAX + " permissions");
        }
        Optional<String> malformed = Scopes.malformed(scope);
        if (malformed.isPresent()) {
            throw new TokenException(Reason.SCOPE_INVALID, LogText.escaped(String.valueOf(malformed.get())));
        }
        Optional<String> notHeld = Scopes.notHeld(scope, accounts.permissions(username));
        if (notHeld.isPresent()) {
            throw new TokenException(Reason.SCOPE_NOT_HELD, notHeld.get());
        }
        if (lifetime == null || lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new TokenException(Reason.LIFETIME_INVALID, String.valueOf(lifetime));
        }
        Instant now = clock.instant();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(UUID.randomUUID(), username, label, new TreeSet<>(scope), now, actor.username(), now.plus(lifetime),
                Optional.empty(), Optional.empty());
        store.insert(token, account.account().id(), key.hash(secret), c -> audit.record(c, new AuditEntry(now, actor.username(),
                "token.create", username, "token " + token.id() + " '" + label + "' scope " + new TreeSet<>(scope) + " expires "
                + token.expiresAt(), actor.address())));
        LOG.info("API token {} made for '{}' by {}", token.id(), username, LogText.escaped(actor.username()));
        return new IssuedToken(token, secret);
    }

    private static void checkName(String name) {
        try {
            AccountRules.checkDisplayName(name);
        } catch (AccountException refused) {
            throw new TokenException(Reason.NAME_INVALID, "name refused");
        }
        if (name.length() > NAME_MAX) {
            throw new TokenException(Reason.NAME_INVALID, "longer than " + NAME_MAX);
        }
    }

    @Override
    public List<ApiToken> list(String owner) {
        return store.list(AccountRules.normalizeUsername(owner));
    }

    @Override
    public List<ApiToken> listAll() {
        return store.listAll();
    }

    @Override
    public boolean revoke(UUID id, String owner, Actor actor) {
        Instant now = clock.instant();
        String username = AccountRules.normalizeUsername(owner);
        boolean revoked = store.revoke(id, username, now, actor.username(),
                c -> audit.record(c, new AuditEntry(now, actor.username(), "token.revoke", username, "token " + id, actor.address())));
        if (revoked) {
            LOG.info("API token {} of '{}' revoked by {}", id, username, LogText.escaped(actor.username()));
        }
        return revoked;
    }

    @Override
    public TokenCheck verify(String presented, String address) {
        String from = address == null || address.isBlank() ? "local" : address;
        String addressKey = AddressKey.of(from);
        Instant now = clock.instant();
        Optional<Instant> throttled = throttle.blockedUntil(addressKey, now);
        if (throttled.isPresent()) {
            return TokenCheck.rateLimited(throttled.get());
        }
        if (presented == null || !FORM.matcher(presented).matches()) {
            return refused(Outcome.MALFORMED, Optional.empty(), addressKey, from, now);
        }
        Optional<ApiTokenStore.Found> found = store.findByHash(key.hash(presented));
        if (found.isEmpty()) {
            return refused(Outcome.UNKNOWN, Optional.empty(), addressKey, from, now);
        }
        ApiToken token = found.get().token();
        if (token.revokedAt().isPresent()) {
            return refused(Outcome.REVOKED, Optional.of(token), addressKey, from, now);
        }
        if (!now.isBefore(token.expiresAt())) {
            return refused(Outcome.EXPIRED, Optional.of(token), addressKey, from, now);
        }
        if (!found.get().ownerEnabled()) {
            return refused(Outcome.OWNER_DISABLED, Optional.of(token), addressKey, from, now);
        }
        Instant notBefore = now.minus(LAST_USED_STEP);
        if (token.lastUsedAt().map(at -> at.isBefore(notBefore)).orElse(true)) {
            store.touch(token.id(), now, notBefore);
        }
        return TokenCheck.valid(token.id(), token.owner(), token.scope());
    }

    private TokenCheck refused(Outcome outcome, Optional<ApiToken> token, String addressKey, String from, Instant now) {
        throttle.fail(addressKey, now);
        String reason = outcome.name().toLowerCase(java.util.Locale.ROOT);
        String which = token.map(t -> "token " + t.id() + ": ").orElse("");
        audit.record(new AuditEntry(now, "anonymous", "token.refused", token.map(ApiToken::owner).orElse(""), which + reason, from));
        LOG.warn("API token refused from {}: {}{}", LogText.escaped(from), which, reason);
        if (throttle.blockedUntil(addressKey, now).isPresent()) {
            LOG.warn("API tokens from {} refused until the window has passed: too many refused tokens", addressKey);
            audit.record(new AuditEntry(now, "system", "address.throttle", addressKey, "refused API tokens", from));
        }
        return TokenCheck.refused(outcome);
    }
}
