package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.diwan.api.security.Actor;
import org.diwan.api.security.LoginResult;
import org.diwan.api.security.LoginResult.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins against a real OpenLDAP server (slapd) and a real Derby. */
class LdapLoginTest {

    @TempDir
    static Path ldapFolder;

    private static Slapd slapd;

    @TempDir
    Path folder;

    private SecurityFixture fixture;
    private LoginService logins;

    @BeforeAll
    static void startDirectory() throws Exception {
        slapd = Slapd.start(ldapFolder);
    }

    @AfterAll
    static void stopDirectory() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new SecurityFixture(folder);
        fixture.accounts.saveRole("registry-clerk", Set.of("missions:registry:read"), Actor.SYSTEM);
        logins = fixture.logins(SecurityFixture.RULES);
        logins.directory = directory(slapd.url());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aDirectoryUserLogsInAndGetsALocalAccountWithMappedRoles() {
        LoginResult result = logins.login("samira", "lanterns over cairo".toCharArray(), "10.2.2.2");

        assertThat(result.succeeded()).isTrue();
        var account = fixture.accounts.find("samira").orElseThrow();
        assertThat(account.displayName()).isEqualTo("سميرة الحسن");
        assertThat(account.roles()).containsExactlyInAnyOrder("admin", "registry-clerk");
        assertThat(fixture.repository.find("samira").orElseThrow().fromDirectory()).isTrue();
        assertThat(fixture.audit.actions()).contains("account.provision", "session.login");

        assertThat(logins.login("samira", "lanterns over cairo".toCharArray(), "10.2.2.2").succeeded()).isTrue();
        assertThat(fixture.accounts.list()).hasSize(1);
    }

    @Test
    void aUserInNoMappedGroupLogsInWithoutRoles() {
        assertThat(logins.login("omar", "dunes at sunset".toCharArray(), "10.2.2.3").succeeded()).isTrue();
        assertThat(fixture.accounts.find("omar").orElseThrow().roles()).isEmpty();
    }

    @Test
    void wrongEmptyAndUnknownAreRefusedWithoutCreatingAnything() {
        assertThat(logins.login("samira", "wrong".toCharArray(), "10.2.2.4").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        // LDAP treats a simple bind with an empty password as anonymous and lets it through: Diwan must not.
        assertThat(logins.login("samira", new char[0], "10.2.2.4").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(logins.login("nobody", "whatever it is".toCharArray(), "10.2.2.4").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(logins.login("*)(uid=*", "x".toCharArray(), "10.2.2.4").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(fixture.accounts.list()).isEmpty();
    }

    @Test
    void aLocalAccountKeepsItsLocalPasswordEvenIfTheDirectoryKnowsTheName() {
        fixture.accounts.create("samira", "Local Samira", "a local password!!".toCharArray(), Set.of(), Actor.SYSTEM);
        assertThat(logins.login("samira", "lanterns over cairo".toCharArray(), "10.2.2.5").succeeded()).isFalse();
        assertThat(logins.login("samira", "a local password!!".toCharArray(), "10.2.2.5").succeeded()).isTrue();
    }

    @Test
    void directoryUsersAreLockedOutLikeLocalOnes() {
        for (int i = 0; i < 5; i++) {
            logins.login("samira", ("wrong " + i).toCharArray(), "10.2.3.4");
        }
        assertThat(logins.login("samira", "lanterns over cairo".toCharArray(), "10.2.3.4").outcome()).isEqualTo(Outcome.LOCKED);
    }

    @Test
    void anUnreachableDirectoryRefusesQuietly() {
        logins.directory = directory("ldap://127.0.0.1:1");
        assertThat(logins.login("samira", "lanterns over cairo".toCharArray(), "10.2.2.6").outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    void roleMappingReadsPairsAndCommaLists() {
        assertThat(LdapDirectory.parseMapping(new String[] {"diwan-admins=admin, registry = registry-clerk", "broken"}))
                .containsEntry("diwan-admins", "admin").containsEntry("registry", "registry-clerk").hasSize(2);
    }

    private static LdapDirectory directory(String url) {
        return new LdapDirectory(url, "uid={0},ou=people," + Slapd.BASE, "cn", "ou=groups," + Slapd.BASE, "(member={0})",
                new String[] {"diwan-admins=admin", "registry=registry-clerk"}, 3000);
    }
}
