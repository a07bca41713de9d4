package org.diwan.security.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a token's scope may hold, and whether an owner holds it: Shiro's wildcard rule (parts split by {@code :},
 * alternatives by {@code ,}, {@code *} matching any, a shorter permission implying every longer one), written out
 * here because this bundle does not import Shiro. The web shell applies the same rule with Shiro itself at each call.
 */
final class Scopes {

    /** The form of a declared permission ({@link org.diwan.api.plugin.PermissionDef}): plugin:area[:action]. */
    static final Pattern ENTRY = Pattern.compile("[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*){1,2}");
    /** The shell's own permissions (administration) come with the admin role alone, never with a token. */
    private static final String SHELL_NAMESPACE = "diwan:";

    private Scopes() {
    }

    /** The first entry that is not a declared permission's form, or is the shell's own. */
    static Optional<String> malformed(Collection<String> scope) {
        return scope.stream().filter(e -> e == null || !ENTRY.matcher(e).matches() || e.startsWith(SHELL_NAMESPACE)).findFirst();
    }

    /** The first entry none of the held permissions implies. */
    static Optional<String> notHeld(Collection<String> scope, Collection<String> held) {
        return scope.stream().filter(e -> held.stream().noneMatch(h -> implies(h, e))).findFirst();
    }

    /** Whether holding {@code held} allows {@code wanted}, by Shiro's wildcard rule (case-insensitive, as Shiro's default). */
    static boolean implies(String held, String wanted) {
        List<Set<String>> have = parts(held);
        List<Set<String>> want = parts(wanted);
        for (int i = 0; i < want.size(); i++) {
            if (i >= have.size()) {
                return true; // a shorter permission implies everything below it
            }
            Set<String> h = have.get(i);
            if (!h.contains("*") && !h.containsAll(want.get(i))) {
                return false;
            }
        }
        // a longer held permission implies a shorter wanted one only if its extra parts are all wildcards
        for (int i = want.size(); i < have.size(); i++) {
            if (!have.get(i).contains("*")) {
                return false;
            }
        }
        return true;
    }

    private static List<Set<String>> parts(String permission) {
        return Arrays.stream(permission.strip().toLowerCase(java.util.Locale.ROOT).split(":"))
                .map(p -> (Set<String>) new HashSet<>(Arrays.stream(p.split(",")).map(String::strip).toList())).toList();
    }
}
