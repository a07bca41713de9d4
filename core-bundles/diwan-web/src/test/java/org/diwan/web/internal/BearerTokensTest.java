package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import javax.servlet.http.HttpServletRequest;

import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.diwan.api.i18n.Language;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    private static final String READ = "missions:registry:read";
    private static final String WRITE = "missions:registry:write";

    @Test
    void readsOnlyTheBearerSchemeAndRefusesAmbiguity() {
        String token = "dwn_" + "a".repeat(43);
        assertThat(BearerTokens.credential(request())).isEmpty();
        assertThat(BearerTokens.credential(request("Basic Zm9vOmJhcg=="))).isEmpty();
        assertThat(BearerTokens.credential(request("Bearerish " + token))).isEmpty();
        assertThat(BearerTokens.credential(request("Bearer " + token))).contains(token);
        assertThat(BearerTokens.credential(request("bearer   " + token + " "))).contains(token);
        assertThat(BearerTokens.credential(request("Bearer"))).contains("");
        // two headers: which one would count? neither: refused as malformed
        assertThat(BearerTokens.credential(request("Basic Zm9vOmJhcg==", "Bearer " + token))).contains("");
        assertThat(BearerTokens.credential(request("Bearer " + token, "Bearer " + token))).contains("");
    }

    @Test
    void aTokenSubjectHasNoRolesAndItsScopeWithinWhatTheOwnerHoldsNow() {
        FakeAccounts accounts = new FakeAccounts();
        accounts.permissions = Set.of("missions:registry");
        DiwanRealm realm = new DiwanRealm(null, accounts);
        SimplePrincipalCollection token = new SimplePrincipalCollection();
        token.add("laila", "diwan");
        token.add(new TokenPrincipal(UUID.randomUUID(), Set.of(READ)), "diwan");
        SimplePrincipalCollection session = new SimplePrincipalCollection("laila", "diwan");

        assertThat(realm.isPermitted(token, READ)).isTrue();
        assertThat(realm.isPermitted(token, WRITE)).as("outside the scope").isFalse();
        assertThat(realm.hasRole(token, "reader")).as("a token carries no roles").isFalse();
        assertThat(realm.isPermitted(session, WRITE)).as("the owner's session keeps its rights").isTrue();
        assertThat(realm.hasRole(session, "reader")).isTrue();

        // within one request, the cache keeps the two subjects apart
        realm.beginRequest();
        try {
            assertThat(realm.isPermitted(session, WRITE)).isTrue();
            assertThat(realm.isPermitted(token, WRITE)).isFalse();
        } finally {
            realm.endRequest();
        }

        accounts.permissions = Set.of(WRITE); // the role lost read: at once, on the next check
        assertThat(realm.isPermitted(token, READ)).isFalse();
        assertThat(realm.isPermitted(token, WRITE)).isFalse();
        accounts.permissions = Set.of("*");
        assertThat(realm.isPermitted(token, READ)).isTrue();
        assertThat(realm.isPermitted(token, "diwan:admin")).as("an admin's token is not an admin").isFalse();
    }

    @Test
    void heldByIsTheIntersectionNeverMore() {
        TokenPrincipal principal = new TokenPrincipal(UUID.randomUUID(), Set.of(READ, "library:catalogue:read"));
        assertThat(principal.heldBy(Set.of("missions:*"))).containsExactly(READ);
        assertThat(principal.heldBy(Set.of())).isEmpty();
        assertThat(principal.heldBy(Set.of("*"))).containsExactlyInAnyOrder(READ, "library:catalogue:read");
        assertThat(principal.toString()).startsWith("token ");
    }

    private static HttpServletRequest request(String... authorization) {
        return (HttpServletRequest) Proxy.newProxyInstance(BearerTokensTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders") && "Authorization".equals(args[0])) {
                        return Collections.enumeration(List.of(authorization));
                    }
                    if (method.getName().equals("getHeader") && "Authorization".equals(args[0])) {
                        return authorization.length == 0 ? null : authorization[0];
                    }
                    return null;
                });
    }

    private static final class FakeAccounts implements Accounts {
        volatile Set<String> permissions = Set.of();

        @Override
        public Optional<Account> find(String username) {
            return Optional.of(new Account(UUID.randomUUID(), username, username, Set.of("reader"), Language.DEFAULT, true, 1));
        }

        @Override
        public Set<String> permissions(String username) {
            return permissions;
        }

        @Override
        public List<Account> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Account create(String username, String displayName, char[] password, Set<String> roles, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changePassword(String username, char[] newPassword, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRoles(String username, Set<String> roles, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setLanguage(String username, Language language, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, Set<String>> roles() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveRole(String name, Set<String> permissions, Actor actor) {
            throw new UnsupportedOperationException();
        }
    }
}
