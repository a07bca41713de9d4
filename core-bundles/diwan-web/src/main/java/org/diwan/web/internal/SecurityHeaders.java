package org.diwan.web.internal;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Security headers for every response of Diwan's context, refusals included (they are set before the access
 * decision): a strict Content Security Policy (no inline script or style, nothing from elsewhere, no framing),
 * nosniff, no referrer to other sites, no caching of pages that may show personal data, and on HTTPS
 * Strict-Transport-Security.
 */
final class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private SecurityHeaders() {
    }

    static void apply(HttpServletRequest request, HttpServletResponse response, String path, long hstsMaxAgeSeconds) {
        if (request.isSecure() && hstsMaxAgeSeconds > 0) {
            // only over HTTPS: a browser ignores it on plain HTTP, and the loopback HTTP port is for local tools
            response.setHeader("Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds);
        }
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!path.startsWith("/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
