package org.diwan.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.shiro.session.Session;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.mgt.DefaultWebSecurityManager;
import org.apache.shiro.web.mgt.WebSecurityManager;
import org.apache.shiro.web.servlet.Cookie.SameSiteOptions;
import org.apache.shiro.web.servlet.SimpleCookie;
import org.apache.shiro.web.session.mgt.DefaultWebSessionManager;
import org.apache.shiro.web.subject.WebSubject;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The access decision for every request to Diwan's context, taken in the context's
 * {@code handleSecurity}, which the whiteboard runs before any filter or servlet: so no request reaches a
 * servlet unchecked, not even in the moment at start-up when servlets are registered but filters are not
 * yet. Validates the path (Shiro's InvalidRequestFilter rules), sends visitors who are not logged in to the
 * login page (401 for the API), checks the permission a path needs and the CSRF token of state-changing
 * requests. Sessions live in cookies only (HttpOnly, Secure, SameSite=Lax), never in URLs; remember-me is off.
 */
@Component(service = ShiroSecurity.class)
public final class ShiroSecurity {

    static final String SESSION_COOKIE = "DIWAN_SESSION";
    static final long SESSION_TIMEOUT_MS = 30 * 60 * 1000L;

    private final DefaultWebSecurityManager securityManager;
    private final RequestValidator validator = new RequestValidator();
    private final ErrorPages errors;
    private final DiwanRealm realm;

    @Activate
    public ShiroSecurity(@Reference Authenticator authenticator, @Reference Accounts accounts, @Reference ErrorPages errors) {
        this.errors = errors;
        DefaultWebSessionManager sessions = new DefaultWebSessionManager();
        sessions.setSessionIdUrlRewritingEnabled(false);
        sessions.setGlobalSessionTimeout(SESSION_TIMEOUT_MS);
        SimpleCookie cookie = new SimpleCookie(SESSION_COOKIE);
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setSameSite(SameSiteOptions.LAX);
        cookie.setPath("/");
        sessions.setSessionIdCookie(cookie);

        realm = new DiwanRealm(authenticator, accounts);
        securityManager = new DefaultWebSecurityManager(realm);
        securityManager.setSessionManager(sessions);
        securityManager.setRememberMeManager(null);
    }

    @Deactivate
    void deactivate() {
        securityManager.destroy();
    }

    WebSecurityManager manager() {
        return securityManager;
    }

    /**
     * @return true when the request may go on to the filters and the servlet; otherwise the answer is sent.
     *         After a true, {@link #finish()} must follow when the request is done.
     */
    boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        realm.beginRequest();
        boolean admitted = false;
        try {
            admitted = decide(request, response);
            return admitted;
        } finally {
            if (!admitted) {
                realm.endRequest();
            }
        }
    }

    /** The request admitted by {@link #admit} is done. */
    void finish() {
        realm.endRequest();
    }

    private boolean decide(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response, pathOf(request));
        if (!validator.isValid(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return false;
        }
        String path = pathOf(request);
        Subject subject = new WebSubject.Builder(securityManager, request, response).buildWebSubject();
        if (!AccessRules.isPublic(path)) {
            if (!subject.isAuthenticated()) {
                if (AccessRules.isApi(path)) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect("/login");
                }
                return false;
            }
            Optional<String> permission = AccessRules.requiredPermission(path);
            if (permission.isPresent() && !subject.isPermitted(permission.get())) {
                refuse(subject, request, response, "error.forbidden");
                return false;
            }
        }
        if (Csrf.isStateChanging(request.getMethod()) && !AccessRules.isCsrfExempt(path) && !csrfTokenMatches(request, subject)) {
            refuse(subject, request, response, "error.csrf");
            return false;
        }
        return true;
    }

    /** The error page needs the visitor's subject on the thread (language, CSRF token of the switch). */
    private void refuse(Subject subject, HttpServletRequest request, HttpServletResponse response, String key) throws IOException {
        try {
            subject.execute(() -> {
                errors.send(request, response, HttpServletResponse.SC_FORBIDDEN, key);
                // committed now, or the whiteboard would replace the page with its bare 403
                response.flushBuffer();
                return null;
            });
        } catch (org.apache.shiro.subject.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, Subject subject) {
        Session session = subject.getSession(false);
        Object expected = session == null ? null : session.getAttribute(Csrf.SESSION_KEY);
        String offered = request.getHeader(Csrf.HEADER);
        if (offered == null) {
            offered = request.getParameter(Csrf.PARAMETER);
        }
        return Csrf.matches(expected == null ? null : expected.toString(), offered);
    }

    static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
