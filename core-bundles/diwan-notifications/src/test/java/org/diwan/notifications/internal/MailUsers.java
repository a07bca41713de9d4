package org.diwan.notifications.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import org.diwan.api.i18n.Language;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.MailSettings;

/**
 * Accounts for the mail tests: laila (Arabic, address, mail on), jean (French, address, mail on), ann (English,
 * address, mail on), omar (address, mail turned off), nour (no address), gone (disabled, address).
 */
final class MailUsers implements Accounts {

    private final Map<String, Account> accounts = Map.of(
            "laila", account("laila", "ليلى <script>alert(1)</script>", Language.AR, true),
            "jean", account("jean", "Jean d'Arc", Language.FR, true),
            "ann", account("ann", "Ann", Language.EN, true),
            "omar", account("omar", "Omar", Language.EN, true),
            "nour", account("nour", "Nour", Language.AR, true),
            "gone", account("gone", "Gone", Language.EN, false));
    private final Map<String, MailSettings> mail = Map.of(
            "laila", new MailSettings("laila@example.org", true),
            "jean", new MailSettings("jean@example.fr", true),
            "ann", new MailSettings("ann@example.org", true),
            "omar", new MailSettings("omar@example.org", false),
            "gone", new MailSettings("gone@example.org", true));

    private static Account account(String name, String displayName, Language language, boolean enabled) {
        return new Account(UUID.randomUUID(), name, displayName, Set.of(), language, enabled, 1);
    }

    @Override
    public Optional<Account> find(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    @Override
    public MailSettings mailSettings(String username) {
        return mail.getOrDefault(username, MailSettings.NONE);
    }

    @Override
    public List<Account> list() {
        return List.copyOf(accounts.values());
    }

    @Override
    public Set<String> permissions(String username) {
        // laila administers, ann and omar write to the registry
        return switch (username) {
            case "laila" -> Set.of("*");
            case "ann", "omar" -> Set.of("missions:registry:write");
            default -> Set.of();
        };
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
