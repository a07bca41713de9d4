package org.diwan.web.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Synchronizer tokens against cross-site request forgery: one random token per session, required on every
 * state-changing request as the header {@value #HEADER}, the query parameter or form field {@value #PARAMETER}
 * (a multipart form carries it in its action's query string: its body is not read before the check).
 */
final class Csrf {

    static final String SESSION_KEY = "diwan.csrf";
    static final String PARAMETER = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isStateChanging(String method) {
        return !SAFE_METHODS.contains(method);
    }

    /**
     * The token in a query string, read without asking the container for parameters (which would read a form
     * or multipart body as well); null when absent or given more than once.
     */
    static String fromQuery(String query) {
        if (query == null) {
            return null;
        }
        String found = null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals(PARAMETER)) {
                if (found != null) {
                    return null;
                }
                try {
                    found = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return found;
    }

    static boolean matches(String expected, String offered) {
        if (expected == null || offered == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), offered.getBytes(StandardCharsets.US_ASCII));
    }
}
