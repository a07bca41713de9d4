package org.diwan.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.shiro.SecurityUtils;
import org.apache.shiro.session.Session;
import org.apache.shiro.subject.Subject;
import org.apache.shiro.web.mgt.DefaultWebSecurityManager;
import org.apache.shiro.web.servlet.AbstractShiroFilter;
import org.apache.shiro.web.servlet.SimpleCookie;
import org.apache.shiro.web.servlet.Cookie.SameSiteOptions;
import org.apache.shiro.web.session.mgt.DefaultWebSessionManager;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The Shiro filter in front of everything in Diwan's servlet context: validates the request path, sends
 * visitors who are not logged in to the login page (401 for the API), checks the permission a path needs,
 * and refuses state-changing requests without the session's CSRF token. Sessions live in cookies only
 * (HttpOnly, Secure, SameSite=Lax), never in URLs; remember-me is off.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=900")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=" + DiwanContext.NAME + ")")
@HttpWhiteboardFilterName("diwan-security")
public final class WebSecurityFilter extends AbstractShiroFilter {

    static final String SESSION_COOKIE = "DIWAN_SESSION";
    static final long SESSION_TIMEOUT_MS = 30 * 60 * 1000L;

    private final DefaultWebSecurityManager securityManager;
    private final RequestValidator validator = new RequestValidator();
    private final ErrorPages errors;

    @Activate
    public WebSecurityFilter(@Reference Authenticator authenticator, @Reference Accounts accounts, @Reference ErrorPages errors) {
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

        securityManager = new DefaultWebSecurityManager(new DiwanRealm(authenticator, accounts));
        securityManager.setSessionManager(sessions);
        securityManager.setRememberMeManager(null);
        setSecurityManager(securityManager);
    }

    @Deactivate
    void deactivate() {
        securityManager.destroy();
    }

    @Override
    protected void executeChain(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!validator.isValid(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String path = pathOf(request);
        Subject subject = SecurityUtils.getSubject();
        if (!AccessRules.isPublic(path)) {
            if (!subject.isAuthenticated()) {
                if (AccessRules.isApi(path)) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect("/login");
                }
                return;
            }
            Optional<String> permission = AccessRules.requiredPermission(path);
            if (permission.isPresent() && !subject.isPermitted(permission.get())) {
                errors.send(request, response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden");
                return;
            }
        }
        if (Csrf.isStateChanging(request.getMethod()) && !csrfTokenMatches(request, subject)) {
            errors.send(request, response, HttpServletResponse.SC_FORBIDDEN, "error.csrf");
            return;
        }
        chain.doFilter(request, response);
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
