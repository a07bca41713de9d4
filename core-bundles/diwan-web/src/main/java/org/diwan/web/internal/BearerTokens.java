package org.diwan.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.shiro.mgt.SecurityManager;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.subject.support.WebDelegatingSubject;
import org.diwan.api.security.ApiTokens;
import org.diwan.api.security.TokenCheck;

/**
 * The access decision for a request with {@code Authorization: Bearer …}: API tokens (see {@link ApiTokens}).
 *
 * <p>The rules. A Bearer header is accepted on {@code /api/…} only; anywhere else the request is refused (401,
 * problem document, {@code error="invalid_request"}), never served as the visitor's session. When a request has
 * the header, its authority is the token alone: the session cookie, if any, is neither read, touched nor renewed,
 * no session is created and no cookie is set, so a Bearer call needs no CSRF token (it carries no cookie authority)
 * and a cookie sent beside a header lends it nothing either way: a bad token is refused even with a good session,
 * and a good token never acts with the session's rights. A token that is malformed, unknown, revoked, expired or
 * whose owner is disabled answers 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}; an address with
 * too many of those answers 429 for a while. The subject of an admitted call is its owner, with a
 * {@link TokenPrincipal}: no roles, the token's scope within the owner's permissions now.
 */
final class BearerTokens {

    static final String SCHEME = "Bearer";
    static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    static final String INVALID_REQUEST = "Bearer error=\"invalid_request\"";

    /** What to do with a Bearer request: go on with {@code subject}, or refuse with {@code status} and {@code messageKey}. */
    record Admission(Subject subject, int status, String messageKey) {

        boolean admitted() {
            return status == 0;
        }
    }

    private final ApiTokens tokens;
    private final SecurityManager manager;
    private final String realmName;

    BearerTokens(ApiTokens tokens, SecurityManager manager, String realmName) {
        this.tokens = tokens;
        this.manager = manager;
        this.realmName = realmName;
    }

    /**
     * The credential of the request's Bearer header, if it has one (empty text when the header is empty, or when
     * there is more than one Authorization header: both are refused as malformed). Other schemes are not ours.
     */
    static Optional<String> credential(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        boolean bearer = headers.stream().anyMatch(BearerTokens::isBearer);
        if (!bearer) {
            return Optional.empty();
        }
        return Optional.of(headers.size() == 1 ? headers.get(0).substring(SCHEME.length()).strip() : "");
    }

    /** RFC 7235: the scheme is case-insensitive and ends at a space. */
    private static boolean isBearer(String header) {
        return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (header.length() == SCHEME.length() || header.charAt(SCHEME.length()) == ' ');
    }

    /** A subject with nobody in it and no session, for the refusals of a Bearer request. */
    Subject anonymous(HttpServletRequest request, HttpServletResponse response) {
        return sessionless(null, request, response);
    }

    Admission admit(HttpServletRequest request, HttpServletResponse response, String path, String credential) {
        Subject anonymous = anonymous(request, response);
        if (!AccessRules.isApi(path)) {
            response.setHeader("WWW-Authenticate", INVALID_REQUEST);
            return new Admission(anonymous, HttpServletResponse.SC_UNAUTHORIZED, "error.bearer-api-only");
        }
        TokenCheck check = tokens.verify(credential, request.getRemoteAddr());
        if (check.valid()) {
            SimplePrincipalCollection principals = new SimplePrincipalCollection();
            principals.add(check.owner().orElseThrow(), realmName);
            principals.add(new TokenPrincipal(check.tokenId().orElseThrow(), check.scope()), realmName);
            return new Admission(sessionless(principals, request, response), 0, null);
        }
        if (check.outcome() == TokenCheck.Outcome.RATE_LIMITED) {
            long seconds = Duration.between(Instant.now(), check.retryAfter().orElse(Instant.now())).toSeconds();
            response.setHeader("Retry-After", Long.toString(Math.max(1, seconds)));
            return new Admission(anonymous, 429, "error.too-many-tokens");
        }
        response.setHeader("WWW-Authenticate", INVALID_TOKEN);
        return new Admission(anonymous, HttpServletResponse.SC_UNAUTHORIZED, "error.invalid-token");
    }

    /** Built directly, not by Shiro's builder: the builder would look up (and might expire, with a cookie) the session. */
    private Subject sessionless(SimplePrincipalCollection principals, HttpServletRequest request, HttpServletResponse response) {
        return new WebDelegatingSubject(principals, principals != null, request.getRemoteHost(), null, false, request, response, manager);
    }
}
