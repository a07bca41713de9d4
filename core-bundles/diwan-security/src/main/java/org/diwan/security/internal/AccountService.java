package org.diwan.security.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.i18n.Language;
import org.diwan.api.security.Account;
import org.diwan.api.security.AccountException;
import org.diwan.api.security.AccountException.Reason;
import org.diwan.api.security.AccountRules;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.MailSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Accounts and their roles, validated by {@link AccountRules}, each change audited. */
@Component(service = Accounts.class)
public final class AccountService implements Accounts {

    private static final java.util.regex.Pattern ROLE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{1,63}");
    /** The form of {@link org.diwan.api.plugin.PermissionDef}: plugin:area[:action]. */
    private static final java.util.regex.Pattern PERMISSION =
            java.util.regex.Pattern.compile("[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*){1,2}");

    private static final String SHELL_NAMESPACE = "diwan:";

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public AccountService(@Reference(target = "(diwan.schema=security)") DataSource dataSource,
            @Reference PasswordHasher hasher, @Reference AuditLog audit) {
        this(new AccountRepository(dataSource), hasher, audit, Clock.systemUTC());
    }

    AccountService(AccountRepository repository, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Account> find(String username) {
        return repository.find(AccountRules.normalizeUsername(username)).map(AccountRepository.Stored::account);
    }

    @Override
    public List<Account> list() {
        return repository.list();
    }

    @Override
    public Account create(String username, String displayName, char[] password, Set<String> roles, Actor actor) {
        String name = AccountRules.normalizeUsername(username);
        AccountRules.checkUsername(name);
        AccountRules.checkDisplayName(displayName);
        AccountRules.checkPassword(name, password);
        checkRolesExist(roles);
        synchronized (this) {
            if (repository.find(name).isPresent()) {
                throw new AccountException(Reason.USERNAME_TAKEN, name);
            }
            Account account = new Account(UUID.randomUUID(), name, displayName.strip(), roles, Language.DEFAULT, true, 1);
            repository.insert(account, hashAndWipe(password), clock.instant(), AccountRepository.LOCAL,
                    recorded(actor, "account.create", name, "roles: " + new TreeSet<>(roles)));
            return account;
        }
    }

    @Override
    public void changePassword(String username, char[] newPassword, Actor actor) {
        Account account = existing(username);
        AccountRules.checkPassword(account.username(), newPassword);
        repository.updatePassword(account.id(), hashAndWipe(newPassword), recorded(actor, "account.password", account.username(), ""));
    }

    @Override
    public synchronized void setRoles(String username, Set<String> roles, Actor actor) {
        Account account = existing(username);
        checkRolesExist(roles);
        if (account.isAdmin() && !roles.contains(Account.ADMIN_ROLE)
                && repository.list().stream().filter(a -> a.isAdmin() && a.enabled()).count() <= 1) {
            throw new AccountException(Reason.LAST_ADMIN, account.username());
        }
        repository.replaceRoles(account.id(), roles, recorded(actor, "account.roles", account.username(), "roles: " + new TreeSet<>(roles)));
    }

    @Override
    public void setLanguage(String username, Language language, Actor actor) {
        Account account = existing(username);
        repository.updateLanguage(account.id(), language, recorded(actor, "account.language", account.username(), language.tag()));
    }

    @Override
    public MailSettings mailSettings(String username) {
        return repository.mailSettings(AccountRules.normalizeUsername(username));
    }

    @Override
    public void setMailSettings(String username, MailSettings settings, Actor actor) {
        String address = AccountRules.normalizeMailAddress(settings.address());
        Account account = existing(username);
        // the address itself stays out of the audit trail, which many may read: that it changed is enough
        repository.updateMailSettings(account.id(), new MailSettings(address, settings.notifyByMail()), recorded(actor, "account.mail",
                account.username(), (address == null ? "address removed" : "address set") + ", notifications by mail: "
                        + (settings.notifyByMail() ? "on" : "off")));
    }

    @Override
    public Set<String> permissions(String username) {
        return repository.permissions(AccountRules.normalizeUsername(username));
    }

    @Override
    public java.util.SortedMap<String, Set<String>> roles() {
        return repository.roles();
    }

    @Override
    public synchronized void saveRole(String name, Set<String> permissions, Actor actor) {
        if (name == null || !ROLE_NAME.matcher(name).matches() || Account.ADMIN_ROLE.equals(name)) {
            throw new AccountException(Reason.ROLE_INVALID, String.valueOf(name));
        }
        for (String permission : permissions) {
            // the shell's own permissions (diwan:admin) come with the admin role alone, never in a role of one's making
            if (!PERMISSION.matcher(permission).matches() || permission.startsWith(SHELL_NAMESPACE)) {
                throw new AccountException(Reason.ROLE_INVALID, permission);
            }
        }
        repository.saveRole(name, new TreeSet<>(permissions), recorded(actor, "role.save", name, "permissions: " + new TreeSet<>(permissions)));
    }

    private Account existing(String username) {
        return find(username).orElseThrow(() -> new AccountException(Reason.UNKNOWN_ACCOUNT, String.valueOf(username)));
    }

    private void checkRolesExist(Set<String> roles) {
        Set<String> unknown = new TreeSet<>(roles);
        unknown.removeAll(repository.existingRoles());
        if (!unknown.isEmpty()) {
            throw new AccountException(Reason.UNKNOWN_ROLE, unknown.toString());
        }
    }

    private String hashAndWipe(char[] password) {
        try {
            return hasher.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The change's audit entry, written in the change's transaction (the audit schema is in the same database). */
    private AccountRepository.Recorded recorded(Actor actor, String action, String target, String detail) {
        return c -> audit.record(c, new AuditEntry(clock.instant(), actor.username(), action, target, detail, actor.address()));
    }
}
