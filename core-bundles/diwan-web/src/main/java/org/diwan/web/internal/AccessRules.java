package org.diwan.web.internal;

import java.util.Optional;
import java.util.Set;

/**
 * Which paths of Diwan's context anyone may open, and which need more than a login. Everything not listed
 * as public needs an authenticated user: a page added without thought is closed, not open.
 */
public final class AccessRules {

    /** Shiro permission of the admin pages; the {@code admin} role holds {@code *}, which implies it. */
    static final String ADMIN_PERMISSION = "diwan:admin";

    private static final Set<String> PUBLIC = Set.of("/login", "/setup", "/language", "/health", "/favicon.ico");
    private static final String STATIC = "/static/";
    /**
     * A department's pages for outside users (the library's public catalogue): open to anyone, so the plugin
     * serving {@code /public/<plugin id>/} shows there only what the public may read. State-changing requests
     * still need the session's CSRF token.
     */
    static final String PUBLIC_PAGES = "/public/";

    private AccessRules() {
    }

    /**
     * A department's JSON API for outside callers: {@code /api/<plugin id>/public/…}, served only for records declared
     * readable by anyone ({@link org.diwan.api.web.record.RecordPagesSpec#ANYONE}), read only. A Bearer token is
     * accepted there too (it is under {@code /api/}) and lends nothing but the same answer.
     */
    private static final java.util.regex.Pattern PUBLIC_API = java.util.regex.Pattern.compile("/api/[a-z][a-z0-9-]{1,31}/public(/.*)?");

    static boolean isPublic(String path) {
        return PUBLIC.contains(path) || path.startsWith(STATIC) || (path.startsWith(PUBLIC_PAGES) && !path.contains(".."))
                || isPublicApi(path);
    }

    /** Whether {@code path} is under a department's public JSON API (see {@link #PUBLIC_API}). */
    public static boolean isPublicApi(String path) {
        return PUBLIC_API.matcher(path).matches() && !path.contains("..") && !path.contains("//");
    }

    /**
     * An OAI-PMH endpoint under a department's public pages: harvesters may POST their requests (the protocol
     * allows GET and POST alike) and carry no session, so no CSRF token; the endpoint only reads.
     */
    static boolean isCsrfExempt(String path) {
        return OAI_ENDPOINT.matcher(path).matches();
    }

    /**
     * An endpoint that refuses oversized bodies itself, in its protocol's own answer: OAI-PMH reads at most 64 KiB
     * of a form and answers every refusal as an OAI-PMH XML document, which harvesters can read and the shell's
     * HTML page is not.
     */
    static boolean limitsItsOwnBody(String path) {
        return OAI_ENDPOINT.matcher(path).matches();
    }

    private static final java.util.regex.Pattern OAI_ENDPOINT = java.util.regex.Pattern.compile("/public/[a-z][a-z0-9-]{1,31}/oai");

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
