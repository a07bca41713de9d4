package org.diwan.web.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.diwan.api.security.Account;

/**
 * Who may grant what on the users page. A role holds only permissions that installed plugins declare (never the
 * shell's own {@code diwan:…}, which come with the admin role alone), and whoever grants a permission, or a role
 * carrying it, must hold it: so a delegate can never give more than they have, and only a holder of every
 * permission ({@code *}, the admin role) can make an administrator, who alone opens the SSH console.
 */
final class RoleGrants {

    /** The permission every administrator holds, and only they. */
    static final String ALL = "*";

    private RoleGrants() {
    }

    /**
     * @param declared the permissions the installed plugins declare
     * @param actorHolds whether the acting user holds a permission
     * @return the first permission that may not be put in a role, if any
     */
    static Optional<String> refusedInRole(Set<String> permissions, Set<String> declared, Predicate<String> actorHolds) {
        return new TreeSet<>(permissions).stream().filter(p -> !declared.contains(p) || !actorHolds.test(p)).findFirst();
    }

    /**
     * @param roles the roles asked for, each with its permissions ({@code admin} holds {@code *})
     * @return the first role the actor may not grant, if any
     */
    static Optional<String> refusedRole(Set<String> asked, Map<String, Set<String>> roles, Predicate<String> actorHolds) {
        for (String role : new TreeSet<>(asked)) {
            Set<String> permissions = Account.ADMIN_ROLE.equals(role) ? Set.of(ALL) : roles.getOrDefault(role, Set.of());
            if (!permissions.stream().allMatch(actorHolds)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
