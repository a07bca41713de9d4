package org.diwan.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Synchronizer tokens against cross-site request forgery: one random token per session, required on every
 * state-changing request as the form field {@value #PARAMETER} or the header {@value #HEADER}.
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

    static boolean matches(String expected, String offered) {
        if (expected == null || offered == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), offered.getBytes(StandardCharsets.US_ASCII));
    }
}
