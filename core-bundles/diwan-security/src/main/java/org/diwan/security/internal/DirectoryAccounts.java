package org.diwan.security.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.i18n.Language;
import org.diwan.api.security.Account;
import org.diwan.api.security.AccountRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a local account for each directory user who logs in: created at the first login (its local password
 * a random secret nobody knows), then display name and roles brought in line with the directory at each
 * login. Roles the directory maps to but the node does not have are skipped, with a warning.
 */
final class DirectoryAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository repository;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    DirectoryAccounts(AccountRepository repository, PasswordHasher hasher, AuditLog audit) {
        this.repository = repository;
        this.hasher = hasher;
        this.audit = audit;
    }

    Account sync(LdapDirectory.DirectoryUser user, Optional<AccountRepository.Stored> existing, Instant now, String address) {
        Set<String> roles = new TreeSet<>(user.roles());
        Set<String> unknown = new TreeSet<>(roles);
        unknown.removeAll(repository.existingRoles());
        if (!unknown.isEmpty()) {
            LOG.warn("Directory roles {} of {} do not exist on this node: skipped", unknown, user.username());
            roles.removeAll(unknown);
        }
        String displayName = safeDisplayName(user);
        if (existing.isEmpty()) {
            Account account = new Account(UUID.randomUUID(), user.username(), displayName, roles, Language.DEFAULT, true, 1);
            repository.insert(account, hasher.hash(unusablePassword()), now, AccountRepository.LDAP,
                    c -> audit.record(c, new AuditEntry(now, "system", "account.provision", user.username(), "from LDAP, roles: " + roles, address)));
            return account;
        }
        Account account = existing.get().account();
        if (!account.roles().equals(roles)) {
            repository.replaceRoles(account.id(), roles,
                    c -> audit.record(c, new AuditEntry(now, "system", "account.roles", user.username(), "from LDAP: " + roles, address)));
        }
        if (!account.displayName().equals(displayName)) {
            repository.updateDisplayName(account.id(), displayName);
        }
        return repository.find(user.username()).orElseThrow().account();
    }

    /** The directory's name when Diwan's rules accept it, else the login name. */
    private static String safeDisplayName(LdapDirectory.DirectoryUser user) {
        try {
            AccountRules.checkDisplayName(user.displayName());
            return user.displayName().strip();
        } catch (RuntimeException refused) {
            return user.username();
        }
    }

    private static char[] unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
