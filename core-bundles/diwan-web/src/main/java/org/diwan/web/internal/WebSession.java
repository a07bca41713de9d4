package org.diwan.web.internal;

import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.session.Session;
import org.apache.shiro.subject.Subject;
import org.diwan.api.i18n.Language;

/** What a page needs to know about the visitor: language, CSRF token, who is logged in. */
final class WebSession {

    private WebSession() {
    }

    static Subject subject() {
        return SecurityUtils.getSubject();
    }

    /** Whether the security filter has bound a subject to this request's thread. */
    static boolean available() {
        try {
            SecurityUtils.getSubject();
            return true;
        } catch (org.apache.shiro.UnavailableSecurityManagerException notYet) {
            return false;
        }
    }

    static Optional<String> username() {
        Subject subject = subject();
        return subject.isAuthenticated() ? Optional.of(subject.getPrincipal().toString()) : Optional.empty();
    }

    static Language language(HttpServletRequest request) {
        Session session = subject().getSession(false);
        Object chosen = session == null ? null : session.getAttribute(LanguageResolver.SESSION_KEY);
        String api = session == null && request.getRequestURI().startsWith("/api/") ? request.getHeader("Accept-Language") : null;
        return LanguageResolver.resolve(chosen == null ? null : chosen.toString(), cookie(request, LanguageResolver.COOKIE), api);
    }

    static void setLanguage(Language language) {
        subject().getSession().setAttribute(LanguageResolver.SESSION_KEY, language.tag());
    }

    /** The session's CSRF token, made with the session (a visitor's first page creates both). */
    static String csrfToken() {
        Session session = subject().getSession();
        Object token = session.getAttribute(Csrf.SESSION_KEY);
        if (token == null) {
            token = Csrf.newToken();
            session.setAttribute(Csrf.SESSION_KEY, token);
        }
        return token.toString();
    }

    /** A form field as typed, or empty when absent: forms keep what was typed when they come back with an error. */
    static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    static String remoteAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
