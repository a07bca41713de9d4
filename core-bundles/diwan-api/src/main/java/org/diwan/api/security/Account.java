package org.diwan.api.security;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.diwan.api.i18n.Language;

/**
 * A user of the node. Carries a UUID and a version from the start, as every record that may ever sync.
 *
 * @param username    login name: lower-case ASCII, see {@link AccountRules#USERNAME}
 * @param displayName the name shown on screen, in any script
 * @param roles       names of the roles held
 * @param language    the interface language the user chose
 */
public record Account(UUID id, String username, String displayName, Set<String> roles, Language language,
        boolean enabled, long version) {

    public static final String ADMIN_ROLE = "admin";

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(language, "language");
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
