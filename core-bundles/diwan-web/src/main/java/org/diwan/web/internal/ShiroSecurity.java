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
import org.diwan.api.documents.Documents;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.ApiTokens;
import org.diwan.api.security.Authenticator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The access decision for every request to Diwan's context, taken in the context's
 * {@code handleSecurity}, which the whiteboard runs before any filter or servlet: so no request reaches a
 * servlet unchecked, not even in the moment at start-up when servlets are registered but filters are not
 * yet. Validates the path (Shiro's InvalidRequestFilter rules), sends visitors who are not logged in to the
 * login page (401 for the API), checks the permission a path needs and the CSRF token of state-changing
 * requests, before any body is read (see {@link UploadGate}). Sessions live in cookies only (HttpOnly, Secure,
 * SameSite=Lax, so that a link to a record in an e-mail opens it for a logged-in reader; forgery is stopped by the
 * CSRF token), never in URLs; remember-me is off. A request with {@code Authorization: Bearer} is decided by
 * {@link BearerTokens} instead of the session, and needs no CSRF token.
 */
@Component(service = ShiroSecurity.class, configurationPid = "org.diwan.web")
@Designate(ocd = WebSecurityConfig.class)
public final class ShiroSecurity {

    static final String SESSION_COOKIE = "DIWAN_SESSION";
    static final long SESSION_TIMEOUT_MS = 30 * 60 * 1000L;

    private final DefaultWebSecurityManager securityManager;
    private final RequestValidator validator = new RequestValidator();
    private final ErrorPages errors;
    private final DiwanRealm realm;
    private final Documents documents;
    private final WebSecurityConfig config;
    private final UploadGate uploads = new UploadGate();
    private final BearerTokens bearerTokens;

    @Activate
    public ShiroSecurity(@Reference Authenticator authenticator, @Reference Accounts accounts, @Reference ErrorPages errors,
            @Reference Documents documents, @Reference ApiTokens tokens, WebSecurityConfig config) {
        this.errors = errors;
        this.documents = documents;
        this.config = config;
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
        bearerTokens = new BearerTokens(tokens, securityManager, realm.getName());
    }

    @Deactivate
    void deactivate() {
        securityManager.destroy();
    }

    WebSecurityManager manager() {
        return securityManager;
    }

    /**
     * @return true when the request may go on to the filters and the servlet, with the visitor's subject bound to
     *         this thread for them; otherwise the answer is sent. After a true, {@link #finish} must follow when the
     *         request is done.
     */
    boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        realm.beginRequest();
        Subject admitted = null;
        try {
            admitted = decide(request, response);
            if (admitted != null) {
                RequestSubject.bind(request, admitted);
            }
            return admitted != null;
        } finally {
            if (admitted == null) {
                realm.endRequest();
            }
        }
    }

    /** The request admitted by {@link #admit} is done. */
    void finish(HttpServletRequest request) {
        RequestSubject.release(request);
        uploads.release(request);
        realm.endRequest();
        if (UploadGate.isMultipart(request)) {
            // what the servlet left unread of an upload (it refused it, or the size limit cut it) stays unread
            UnreadBodies.stopReading(request);
            UnreadBodies.endIfRefused(request);
        }
    }

    /**
     * In this order, and without reading the request's body: a valid path, a logged-in visitor where one is
     * needed, the permission of the path, a body within the limit, the CSRF token (from the header or, for
     * multipart bodies, the query string), and the user's count of running uploads. Only then does the
     * servlet, which checks its own permissions before it reads the body.
     */
    private Subject decide(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        SecurityHeaders.apply(request, response, path, config.hstsMaxAgeSeconds());
        Optional<String> bearer = BearerTokens.credential(request);
        // a Bearer request's authority is its token alone: the session cookie is not even looked at
        Subject subject = bearer.isPresent() ? bearerTokens.anonymous(request, response)
                : new WebSubject.Builder(securityManager, request, response).buildWebSubject();
        if (!validator.isValid(request)) {
            // a Bearer client gets a problem document anywhere: its sessionless subject cannot render a page
            refuse(subject, request, response, HttpServletResponse.SC_BAD_REQUEST, "error.badrequest", bearer.isPresent());
            return null;
        }
        if (bearer.isPresent()) {
            BearerTokens.Admission admission = bearerTokens.admit(request, response, path, bearer.get());
            if (!admission.admitted()) {
                refuse(admission.subject(), request, response, admission.status(), admission.messageKey(), true);
                return null;
            }
            subject = admission.subject();
        } else if (!AccessRules.isPublic(path)) {
            if (!subject.isAuthenticated()) {
                if (AccessRules.isApi(path)) {
                    refuse(subject, request, response, HttpServletResponse.SC_UNAUTHORIZED, "error.unauthorized");
                } else {
                    response.sendRedirect("/login");
                }
                return null;
            }
            Optional<String> permission = AccessRules.requiredPermission(path);
            if (permission.isPresent() && !subject.isPermitted(permission.get())) {
                refuse(subject, request, response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden");
                return null;
            }
        }
        if (!Csrf.isStateChanging(request.getMethod())) {
            return subject;
        }
        long documentLimit = documents.maxSize();
        if (UploadGate.declaredTooLarge(request, documentLimit) && !AccessRules.limitsItsOwnBody(path)) {
            refuse(subject, request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "error.too-large");
            return null;
        }
        boolean multipart = UploadGate.isMultipart(request);
        // a Bearer call carries no cookie authority to forge
        if (bearer.isEmpty() && !AccessRules.isCsrfExempt(path) && !csrfTokenMatches(request, subject, multipart)) {
            refuse(subject, request, response, HttpServletResponse.SC_FORBIDDEN, "error.csrf");
            return null;
        }
        if (multipart) {
            // whatever the servlet answers, the connection ends with it (see finish)
            response.setHeader("Connection", "close");
            UploadGate.cutAt(request, documentLimit);
            String user = subject.getPrincipal() == null ? "anonymous@" + request.getRemoteAddr() : subject.getPrincipal().toString();
            if (!uploads.acquire(request, user)) {
                response.setHeader("Retry-After", "10");
                refuse(subject, request, response, 429, "error.too-many-uploads");
                return null;
            }
        }
        return subject;
    }

    /** The error page needs the visitor's subject on the thread (language, CSRF token of the switch). */
    private void refuse(Subject subject, HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        refuse(subject, request, response, status, key, false);
    }

    /** @param problem a problem document whatever the path (a Bearer client is a program, not a browser) */
    private void refuse(Subject subject, HttpServletRequest request, HttpServletResponse response, int status, String key, boolean problem)
            throws IOException {
        // nobody reads the body of a refused request, not even Jetty when it commits the answer
        if (UnreadBodies.stopReading(request)) {
            response.setHeader("Connection", "close");
        }
        try {
            subject.execute(() -> {
                if (problem) {
                    errors.problem(request, response, status, key);
                } else {
                    errors.send(request, response, status, key);
                }
                // committed now, or the whiteboard would replace the page with its bare error page
                response.flushBuffer();
                UnreadBodies.endIfRefused(request);
                return null;
            });
        } catch (org.apache.shiro.subject.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /**
     * The token from the {@value Csrf#HEADER} header, else from the query string, else (forms without a file
     * only) from the form's body, which Jetty caps at {@link UploadGate#FORM_LIMIT}. A multipart body is never
     * read here: that would store the whole upload before anyone decided on it.
     */
    private static boolean csrfTokenMatches(HttpServletRequest request, Subject subject, boolean multipart) {
        Session session = subject.getSession(false);
        Object expected = session == null ? null : session.getAttribute(Csrf.SESSION_KEY);
        String offered = request.getHeader(Csrf.HEADER);
        if (offered == null) {
            offered = Csrf.fromQuery(request.getQueryString());
        }
        if (offered == null && !multipart) {
            try {
                offered = request.getParameter(Csrf.PARAMETER);
            } catch (IllegalStateException tooLarge) {
                return false;
            }
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
