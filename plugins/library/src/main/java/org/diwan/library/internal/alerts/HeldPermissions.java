package org.diwan.library.internal.alerts;

import java.util.Set;

/**
 * Whether permissions held in Shiro's wildcard form ({@code library:*}, {@code library:catalogue:read,write}, {@code *})
 * imply one: what the web's Shiro subject decides for a request, decided here for a user who is not making one (the
 * subscriber of an alert).
 */
final class HeldPermissions {

    private HeldPermissions() {
    }

    static boolean implies(Set<String> held, String wanted) {
        String[] want = wanted.split(":");
        for (String permission : held) {
            String[] parts = permission.split(":");
            boolean implied = true;
            // a held permission with fewer parts implies every permission below it
            for (int i = 0; i < want.length && i < parts.length && implied; i++) {
                java.util.List<String> alternatives = java.util.Arrays.asList(parts[i].split(","));
                implied = alternatives.contains("*") || alternatives.contains(want[i]);
            }
            if (implied) {
                return true;
            }
        }
        return false;
    }
}
