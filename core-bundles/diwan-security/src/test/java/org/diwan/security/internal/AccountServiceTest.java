package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.diwan.api.security.Account;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.AccountException.Reason;
import org.diwan.api.security.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountServiceTest {

    private static final Actor ADMIN = new Actor("root-admin", "10.1.1.1");

    @TempDir
    Path folder;

    private SecurityFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new SecurityFixture(folder);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void createsAnAccountWithHashedPasswordAndAuditsIt() {
        Account account = fixture.accounts.create(" Hassan ", "حسن علي", "a long enough secret".toCharArray(), Set.of("admin"), ADMIN);

        assertThat(account.username()).isEqualTo("hassan");
        assertThat(fixture.accounts.find("HASSAN")).contains(account);
        assertThat(fixture.repository.find("hassan").orElseThrow().passwordHash()).startsWith("$argon2id$");
        assertThat(fixture.audit.entries).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("account.create");
            assertThat(e.actor()).isEqualTo("root-admin");
            assertThat(e.address()).isEqualTo("10.1.1.1");
            assertThat(e.detail()).doesNotContain("secret");
        });
    }

    @Test
    void aChangeWhoseAuditEntryFailsIsNotMade() {
        fixture.accounts.create("hassan", "Hassan", "a long enough secret".toCharArray(), Set.of(), ADMIN);
        fixture.accounts.saveRole("clerk", Set.of("missions:registry:read"), ADMIN);
        fixture.audit.failWithChange = true;

        assertThatThrownBy(() -> fixture.accounts.create("laila", "Laila", "another long secret".toCharArray(), Set.of(), ADMIN))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fixture.accounts.setRoles("hassan", Set.of("clerk"), ADMIN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fixture.accounts.setLanguage("hassan", Language.EN, ADMIN)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fixture.accounts.saveRole("clerk", Set.of("missions:registry:write"), ADMIN))
                .isInstanceOf(IllegalStateException.class);

        assertThat(fixture.accounts.list()).extracting(Account::username).containsExactly("hassan");
        Account hassan = fixture.accounts.find("hassan").orElseThrow();
        assertThat(hassan.roles()).isEmpty();
        assertThat(hassan.language()).isEqualTo(Language.DEFAULT);
        assertThat(fixture.accounts.roles().get("clerk")).containsExactly("missions:registry:read");
        assertThat(fixture.audit.actions()).containsExactly("account.create", "role.save");
    }

    @Test
    void wipesThePasswordItWasGiven() {
        char[] password = "a long enough secret".toCharArray();
        fixture.accounts.create("hassan", "Hassan", password, Set.of(), ADMIN);
        assertThat(new String(password)).isEqualTo("\0".repeat(password.length));
    }

    @Test
    void refusesDuplicatesUnknownRolesAndBrokenRulesWithoutCreatingAnything() {
        fixture.accounts.create("hassan", "Hassan", "a long enough secret".toCharArray(), Set.of(), ADMIN);
        expect(Reason.USERNAME_TAKEN, () -> fixture.accounts.create("hassan", "Other", "another long secret".toCharArray(), Set.of(), ADMIN));
        expect(Reason.UNKNOWN_ROLE, () -> fixture.accounts.create("laila", "Laila", "another long secret".toCharArray(), Set.of("wizard"), ADMIN));
        expect(Reason.DISPLAY_NAME_INVALID, () -> fixture.accounts.create("laila", "ليلى\u202E", "another long secret".toCharArray(), Set.of(), ADMIN));
        expect(Reason.PASSWORD_TOO_SHORT, () -> fixture.accounts.create("laila", "Laila", "short".toCharArray(), Set.of(), ADMIN));
        assertThat(fixture.accounts.list()).extracting(Account::username).containsExactly("hassan");
    }

    @Test
    void neverRemovesTheLastAdministrator() {
        fixture.accounts.create("boss", "Boss", "a long enough secret".toCharArray(), Set.of("admin"), ADMIN);
        expect(Reason.LAST_ADMIN, () -> fixture.accounts.setRoles("boss", Set.of(), ADMIN));
        fixture.accounts.create("deputy", "Deputy", "a long enough secret".toCharArray(), Set.of("admin"), ADMIN);
        fixture.accounts.setRoles("boss", Set.of(), ADMIN);
        assertThat(fixture.accounts.find("boss").orElseThrow().roles()).isEmpty();
    }

    @Test
    void administratorsHoldEveryPermission() {
        fixture.accounts.create("boss", "Boss", "a long enough secret".toCharArray(), Set.of("admin"), ADMIN);
        fixture.accounts.create("clerk", "Clerk", "a long enough secret".toCharArray(), Set.of(), ADMIN);
        assertThat(fixture.accounts.permissions("boss")).containsExactly("*");
        assertThat(fixture.accounts.permissions("clerk")).isEmpty();
    }

    @Test
    void remembersTheLanguageAndBumpsTheVersion() {
        Account account = fixture.accounts.create("laila", "Laila", "a long enough secret".toCharArray(), Set.of(), ADMIN);
        assertThat(account.language()).isEqualTo(Language.AR);
        fixture.accounts.setLanguage("laila", Language.FR, ADMIN);
        Account changed = fixture.accounts.find("laila").orElseThrow();
        assertThat(changed.language()).isEqualTo(Language.FR);
        assertThat(changed.version()).isEqualTo(account.version() + 1);
        expect(Reason.UNKNOWN_ACCOUNT, () -> fixture.accounts.setLanguage("nobody", Language.EN, ADMIN));
    }

    @Test
    void rolesGrantPluginPermissionsAndTheAdminRoleStaysBuiltIn() {
        fixture.accounts.saveRole("registry-clerk", Set.of("missions:registry:read", "missions:registry:write"), ADMIN);
        fixture.accounts.create("clerk", "Clerk", "a long enough secret".toCharArray(), Set.of("registry-clerk"), ADMIN);
        assertThat(fixture.accounts.permissions("clerk")).containsExactlyInAnyOrder("missions:registry:read", "missions:registry:write");
        assertThat(fixture.accounts.roles()).containsKeys("admin", "registry-clerk");

        fixture.accounts.saveRole("registry-clerk", Set.of("missions:registry:read"), ADMIN);
        assertThat(fixture.accounts.permissions("clerk")).containsExactly("missions:registry:read");

        expect(Reason.ROLE_INVALID, () -> fixture.accounts.saveRole("admin", Set.of(), ADMIN));
        expect(Reason.ROLE_INVALID, () -> fixture.accounts.saveRole("x", Set.of(), ADMIN));
        expect(Reason.ROLE_INVALID, () -> fixture.accounts.saveRole("sneaky", Set.of("*"), ADMIN));
        expect(Reason.ROLE_INVALID, () -> fixture.accounts.saveRole("deputy", Set.of("diwan:admin"), ADMIN));
        expect(Reason.ROLE_INVALID, () -> fixture.accounts.saveRole("deputy", Set.of("missions:registry:read", "diwan:sync:admin"), ADMIN));
        assertThat(fixture.audit.actions()).contains("role.save");
    }

    @Test
    void keepsAnOptionalMailAddressAndTheChoiceToGetNotificationsThere() {
        fixture.accounts.create("laila", "ليلى", "a long enough secret".toCharArray(), Set.of(), ADMIN);
        fixture.accounts.create("omar", "Omar", "a long enough secret".toCharArray(), Set.of(), ADMIN);
        assertThat(fixture.accounts.mailSettings("laila")).isEqualTo(org.diwan.api.security.MailSettings.NONE);
        assertThat(fixture.accounts.mailSettings("laila").wantsNotificationMail()).isFalse();

        fixture.accounts.setMailSettings("laila", new org.diwan.api.security.MailSettings(" Laila@Example.ORG ", true), ADMIN);
        // the same shared mailbox for a second account: addresses need not be unique
        fixture.accounts.setMailSettings("omar", new org.diwan.api.security.MailSettings("laila@example.org", false), ADMIN);

        assertThat(fixture.accounts.mailSettings("LAILA")).isEqualTo(new org.diwan.api.security.MailSettings("Laila@example.org", true));
        assertThat(fixture.accounts.mailSettings("laila").wantsNotificationMail()).isTrue();
        assertThat(fixture.accounts.mailSettings("omar").wantsNotificationMail()).isFalse();
        assertThat(fixture.audit.entries).filteredOn(e -> e.action().equals("account.mail"))
                .hasSize(2).allSatisfy(e -> assertThat(e.detail()).doesNotContain("example.org"));

        expect(Reason.MAIL_ADDRESS_INVALID, () -> fixture.accounts.setMailSettings("laila",
                new org.diwan.api.security.MailSettings("x@example.org\r\nBcc: y@example.org", true), ADMIN));
        assertThat(fixture.accounts.mailSettings("laila").address()).isEqualTo("Laila@example.org");
        expect(Reason.UNKNOWN_ACCOUNT, () -> fixture.accounts.setMailSettings("nobody", org.diwan.api.security.MailSettings.NONE, ADMIN));

        fixture.accounts.setMailSettings("laila", new org.diwan.api.security.MailSettings("", true), ADMIN);
        assertThat(fixture.accounts.mailSettings("laila").address()).isNull();
    }

    private static void expect(Reason reason, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
