package org.diwan.api.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.osgi.annotation.versioning.ProviderType;

/** The node's user accounts and the roles they hold. Every change is audited. */
@ProviderType
public interface Accounts {

    Optional<Account> find(String username);

    /** All accounts, ordered by login name. */
    List<Account> list();

    /**
     * Creates an account holding the given roles.
     *
     * @throws AccountException when a rule of {@link AccountRules} is broken, the name is taken or a role
     *         does not exist; nothing is created then
     */
    Account create(String username, String displayName, char[] password, Set<String> roles, Actor actor);

    void changePassword(String username, char[] newPassword, Actor actor);

    /** Replaces the roles of an account. Refused when it would leave the node without an administrator. */
    void setRoles(String username, Set<String> roles, Actor actor);

    /** Remembers the interface language a user chose. */
    void setLanguage(String username, Language language, Actor actor);

    /** The account's e-mail address and mail choice; {@link MailSettings#NONE} for an unknown name or none set. */
    default MailSettings mailSettings(String username) {
        return MailSettings.NONE;
    }

    /**
     * Sets or removes (null or blank address) an account's e-mail address and whether notifications go there too.
     * Addresses need not be unique: a secretariat's shared mailbox may serve several accounts.
     *
     * @throws AccountException {@code MAIL_ADDRESS_INVALID} (see {@link AccountRules#normalizeMailAddress(String)}),
     *         {@code UNKNOWN_ACCOUNT}; nothing is changed then
     */
    default void setMailSettings(String username, MailSettings settings, Actor actor) {
        throw new UnsupportedOperationException("this account store keeps no e-mail addresses");
    }

    /** The permissions the account holds through its roles, in Shiro's wildcard form ({@code *} for admins). */
    Set<String> permissions(String username);

    /** Every role with the permissions it grants, by role name. */
    java.util.SortedMap<String, Set<String>> roles();

    /**
     * Creates a role or replaces its permissions. The built-in {@code admin} role cannot be changed.
     *
     * @throws AccountException {@code ROLE_INVALID} for a bad name, a permission not of the form
     *         {@code plugin:area[:action]}, or the admin role
     */
    void saveRole(String name, Set<String> permissions, Actor actor);
}
