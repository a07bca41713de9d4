package org.diwan.web.internal;

import java.util.Optional;
import java.util.Set;

/**
 * Which paths of Diwan's context anyone may open, and which need more than a login. Everything not listed
 * as public needs an authenticated user: a page added without thought is closed, not open.
 */
final class AccessRules {

    /** Shiro permission of the admin pages; the {@code admin} role holds {@code *}, which implies it. */
    static final String ADMIN_PERMISSION = "diwan:admin";

    private static final Set<String> PUBLIC = Set.of("/login", "/setup", "/language", "/health", "/favicon.ico");
    private static final String STATIC = "/static/";

    private AccessRules() {
    }

    static boolean isPublic(String path) {
        return PUBLIC.contains(path) || path.startsWith(STATIC);
    }

    /** The permission a path needs beyond a login, if any. */
    static Optional<String> requiredPermission(String path) {
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return Optional.of(ADMIN_PERMISSION);
        }
        return Optional.empty();
    }

    /** API clients get status codes; browsers get the login page. */
    static boolean isApi(String path) {
        return path.startsWith("/api/");
    }
}
