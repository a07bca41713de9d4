package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.security.Actor;
import org.diwan.api.security.ApiToken;
import org.diwan.api.security.ApiTokens;
import org.diwan.api.security.IssuedToken;
import org.diwan.api.security.TokenCheck;
import org.diwan.api.security.TokenCheck.Outcome;
import org.diwan.api.security.TokenException;
import org.diwan.api.security.TokenException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenServiceTest {

    private static final String READ = "missions:registry:read";
    private static final String WRITE = "missions:registry:write";
    private static final Actor LAILA = new Actor("laila", "10.0.0.1");
    private static final Actor ADMIN = new Actor("chief", "10.0.0.9");

    @TempDir
    Path folder;

    private SecurityFixture fixture;
    private ApiTokenStore store;
    private ApiTokenService tokens;

    @BeforeEach
    void open() throws Exception {
        fixture = new SecurityFixture(folder.resolve("db"));
        fixture.accounts.saveRole("reader", Set.of(READ, "library:catalogue"), Actor.SYSTEM);
        fixture.accounts.create("laila", "ليلى", "a long enough password".toCharArray(), Set.of("reader"), Actor.SYSTEM);
        fixture.accounts.create("chief", "Chief", "another long password".toCharArray(), Set.of("admin"), Actor.SYSTEM);
        store = new ApiTokenStore(fixture.dataSource);
        tokens = service(5);
    }

    private ApiTokenService service(int maxFailures) {
        return new ApiTokenService(fixture.repository, store, TokenKey.inDataFolder(folder.resolve("data")), fixture.audit, fixture.clock,
                new AddressThrottle(maxFailures, Duration.ofMinutes(15)));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aTokenIsShownOnceAndStoredOnlyAsAKeyedHash() throws Exception {
        IssuedToken issued = tokens.create("laila", "nightly export", Set.of(READ), ApiTokens.DEFAULT_LIFETIME, LAILA);
        assertThat(issued.secret()).matches("dwn_[A-Za-z0-9_-]{43}");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(issued.token().expiresAt()).isEqualTo(fixture.clock.instant().plus(Duration.ofDays(90)));

        List<String> stored = columns("SELECT token_hash || ' ' || name || ' ' || scope FROM api_token");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).doesNotContain(issued.secret()).doesNotContain(issued.secret().substring(4))
                .startsWith(TokenKey.inDataFolder(folder.resolve("data")).hash(issued.secret()));
        assertThat(Files.getPosixFilePermissions(folder.resolve("data").resolve(TokenKey.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(folder.resolve("data/security"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(fixture.audit.entries).filteredOn(e -> e.action().equals("token.create")).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("laila"));
        assertNoSecretIn(issued.secret());
    }

    @Test
    void aValidTokenActsAsItsOwnerWithItsScopeAndWritesNoLogin() {
        IssuedToken issued = tokens.create("laila", "export", Set.of(READ), Duration.ofDays(30), LAILA);
        int audited = fixture.audit.entries.size();
        TokenCheck check = tokens.verify(issued.secret(), "10.0.0.5");
        assertThat(check.outcome()).isEqualTo(Outcome.VALID);
        assertThat(check.owner()).contains("laila");
        assertThat(check.scope()).containsExactly(READ);
        assertThat(check.tokenId()).contains(issued.token().id());
        assertThat(fixture.audit.entries).hasSize(audited);
        assertThat(fixture.records.lastSuccess("laila")).isEmpty();
    }

    @Test
    void theLastUseIsNotedAtMostOnceAMinute() {
        IssuedToken issued = tokens.create("laila", "export", Set.of(READ), Duration.ofDays(30), LAILA);
        tokens.verify(issued.secret(), "10.0.0.5");
        var first = fixture.clock.instant();
        assertThat(only().lastUsedAt()).contains(first);
        fixture.clock.advance(Duration.ofSeconds(59));
        tokens.verify(issued.secret(), "10.0.0.5");
        assertThat(only().lastUsedAt()).contains(first);
        fixture.clock.advance(Duration.ofSeconds(2));
        tokens.verify(issued.secret(), "10.0.0.5");
        assertThat(only().lastUsedAt()).contains(fixture.clock.instant());
    }

    @Test
    void revokedExpiredAndDisabledOwnersTokensAreRefusedAndAudited() throws Exception {
        IssuedToken revoked = tokens.create("laila", "one", Set.of(READ), Duration.ofDays(2), LAILA);
        IssuedToken expiring = tokens.create("laila", "two", Set.of(READ), Duration.ofDays(1), LAILA);
        IssuedToken other = tokens.create("laila", "three", Set.of(READ), Duration.ofDays(30), LAILA);

        assertThat(tokens.revoke(revoked.token().id(), "chief", ADMIN)).as("not chief's token").isFalse();
        assertThat(tokens.revoke(revoked.token().id(), "laila", ADMIN)).isTrue();
        assertThat(tokens.revoke(revoked.token().id(), "laila", ADMIN)).as("once").isFalse();
        assertThat(fixture.audit.actions()).containsOnlyOnce("token.revoke");
        assertThat(tokens.verify(revoked.secret(), "10.0.0.5").outcome()).isEqualTo(Outcome.REVOKED);

        fixture.clock.advance(Duration.ofDays(1).minusSeconds(1));
        assertThat(tokens.verify(expiring.secret(), "10.0.0.5").valid()).isTrue();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(expiring.secret(), "10.0.0.5").outcome()).isEqualTo(Outcome.EXPIRED);

        assertThat(tokens.verify(other.secret(), "10.0.0.5").valid()).isTrue();
        update("UPDATE account SET enabled = FALSE WHERE username = 'laila'");
        assertThat(tokens.verify(other.secret(), "10.0.0.5").outcome()).isEqualTo(Outcome.OWNER_DISABLED);

        List<AuditEntry> refusals = fixture.audit.entries.stream().filter(e -> e.action().equals("token.refused")).toList();
        assertThat(refusals).extracting(AuditEntry::detail).containsExactly("token " + revoked.token().id() + ": revoked",
                "token " + expiring.token().id() + ": expired", "token " + other.token().id() + ": owner_disabled");
        assertThat(refusals).allSatisfy(e -> assertThat(e.address()).isEqualTo("10.0.0.5"));
        assertNoSecretIn(revoked.secret());
        assertNoSecretIn(expiring.secret());
    }

    @Test
    void malformedAndUnknownTokensAreRefusedThenTheAddressIsThrottled() {
        IssuedToken good = tokens.create("laila", "good", Set.of(READ), Duration.ofDays(30), LAILA);
        List<String> hostile = new ArrayList<>(List.of("", "dwn_", "Bearer " + good.secret(), good.secret() + "x", good.secret().substring(0, 46),
                "dwn_" + "ا".repeat(43), "dwn_' OR '1'='1' --" + "a".repeat(25), good.secret().toUpperCase()));
        hostile.add(null);
        assertThat(tokens.verify(hostile.get(0), "2001:db8::1").outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(tokens.verify("dwn_" + "A".repeat(43), "2001:db8::2").outcome()).isEqualTo(Outcome.UNKNOWN);
        for (String text : hostile.subList(1, hostile.size())) {
            TokenCheck check = tokens.verify(text, "2001:db8::3");
            assertThat(check.valid()).as(String.valueOf(text)).isFalse();
        }
        // 2001:db8::/64 has failed 5 times by now: refused without looking, even with the right token
        TokenCheck throttled = tokens.verify(good.secret(), "2001:db8::99");
        assertThat(throttled.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(throttled.retryAfter()).isPresent();
        assertThat(fixture.audit.actions()).containsOnlyOnce("address.throttle");
        assertThat(tokens.verify(good.secret(), "10.0.0.7").valid()).as("another address").isTrue();
        assertNoSecretIn(good.secret());
    }

    @Test
    void aTokenWhoseAuditEntryFailsIsNeitherMadeNorRevoked() {
        IssuedToken kept = tokens.create("laila", "kept", Set.of(READ), Duration.ofDays(30), LAILA);
        fixture.audit.failWithChange = true;

        assertThatThrownBy(() -> tokens.create("laila", "never", Set.of(READ), Duration.ofDays(30), LAILA))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tokens.revoke(kept.token().id(), "laila", ADMIN)).isInstanceOf(IllegalStateException.class);

        assertThat(tokens.list("laila")).extracting(t -> t.name()).containsExactly("kept");
        assertThat(tokens.list("laila").get(0).revokedAt()).isEmpty();
    }

    @Test
    void theScopeIsASubsetOfTheOwnersPermissions() {
        assertThat(tokens.create("laila", "wide", Set.of("library:catalogue:read", READ), Duration.ofDays(1), LAILA).token().scope())
                .containsExactlyInAnyOrder("library:catalogue:read", READ);
        assertRefused(() -> tokens.create("laila", "more", Set.of(READ, WRITE), Duration.ofDays(1), LAILA), Reason.SCOPE_NOT_HELD);
        assertRefused(() -> tokens.create("laila", "star", Set.of("*"), Duration.ofDays(1), LAILA), Reason.SCOPE_INVALID);
        assertRefused(() -> tokens.create("chief", "admin", Set.of("diwan:admin"), Duration.ofDays(1), ADMIN), Reason.SCOPE_INVALID);
        assertRefused(() -> tokens.create("laila", "none", Set.of(), Duration.ofDays(1), LAILA), Reason.SCOPE_INVALID);
        assertThat(tokens.create("chief", "anything declared", Set.of(WRITE), Duration.ofDays(1), ADMIN).token().scope()).containsExactly(WRITE);
    }

    @Test
    void namesAndLifetimesHaveLimits() {
        assertRefused(() -> tokens.create("laila", " ", Set.of(READ), Duration.ofDays(1), LAILA), Reason.NAME_INVALID);
        assertRefused(() -> tokens.create("laila", "x".repeat(101), Set.of(READ), Duration.ofDays(1), LAILA), Reason.NAME_INVALID);
        assertRefused(() -> tokens.create("laila", "تصدير\u202Eevil", Set.of(READ), Duration.ofDays(1), LAILA), Reason.NAME_INVALID);
        assertRefused(() -> tokens.create("laila", "ok", Set.of(READ), Duration.ofDays(366), LAILA), Reason.LIFETIME_INVALID);
        assertRefused(() -> tokens.create("laila", "ok", Set.of(READ), Duration.ofHours(23), LAILA), Reason.LIFETIME_INVALID);
        assertRefused(() -> tokens.create("laila", "ok", Set.of(READ), null, LAILA), Reason.LIFETIME_INVALID);
        assertRefused(() -> tokens.create("nobody", "ok", Set.of(READ), Duration.ofDays(1), ADMIN), Reason.UNKNOWN_ACCOUNT);
        assertThat(tokens.create("laila", "تصدير ليلي", Set.of(READ), ApiTokens.MAX_LIFETIME, LAILA).token().name()).isEqualTo("تصدير ليلي");
        assertThat(store.listAll()).hasSize(1);
    }

    @Test
    void listsAreByOwnerNewestFirstAndSurviveANewServiceWithTheSameKey() {
        IssuedToken first = tokens.create("laila", "first", Set.of(READ), Duration.ofDays(5), LAILA);
        fixture.clock.advance(Duration.ofMinutes(1));
        tokens.create("laila", "second", Set.of(READ), Duration.ofDays(5), LAILA);
        tokens.create("chief", "chief's", Set.of(READ), Duration.ofDays(5), ADMIN);
        assertThat(tokens.list("laila")).extracting(ApiToken::name).containsExactly("second", "first");
        assertThat(tokens.listAll()).hasSize(3);
        assertThat(service(5).verify(first.secret(), "10.0.0.5").valid()).as("the key is read back from the data folder").isTrue();
        assertThat(tokens.revoke(UUID.randomUUID(), "laila", LAILA)).isFalse();
    }

    private ApiToken only() {
        return store.listAll().get(0);
    }

    private void assertNoSecretIn(String secret) {
        String random = secret.substring(4);
        assertThat(fixture.audit.entries).allSatisfy(e -> assertThat(e.toString()).doesNotContain(random));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private List<String> columns(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = fixture.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private void update(String sql) throws Exception {
        try (Connection c = fixture.dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
