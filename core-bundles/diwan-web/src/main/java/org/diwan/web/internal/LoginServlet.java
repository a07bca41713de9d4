package org.diwan.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.ExcessiveAttemptsException;
import org.apache.shiro.authc.LockedAccountException;
import org.apache.shiro.session.Session;
import org.apache.shiro.subject.Subject;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.security.Setup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The login page. A successful login replaces the visitor's session with a new one (new id, new CSRF
 * token), keeping only the language; the error messages come in the language the visitor chose.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/login")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-login")
public final class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PageRenderer pages;
    private final transient Setup setup;
    private final transient Accounts accounts;

    @Activate
    public LoginServlet(@Reference PageRenderer pages, @Reference Setup setup, @Reference Accounts accounts) {
        this.pages = pages;
        this.setup = setup;
        this.accounts = accounts;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (setup.required()) {
            response.sendRedirect("/setup");
            return;
        }
        if (WebSession.subject().isAuthenticated()) {
            response.sendRedirect("/");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        if ("done".equals(request.getParameter("setup"))) {
            model.put("notice", "setup.done");
        }
        pages.render(request, response, HttpServletResponse.SC_OK, "login", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("username") == null ? "" : request.getParameter("username");
        String password = request.getParameter("password") == null ? "" : request.getParameter("password");
        Subject subject = WebSession.subject();

        // The session before login is dropped: its id may be known to someone else (session fixation).
        Session before = subject.getSession(false);
        Object chosen = before == null ? null : before.getAttribute(LanguageResolver.SESSION_KEY);
        if (before != null) {
            before.stop();
        }
        Language language = Language.fromTag(chosen == null ? null : chosen.toString()).orElse(null);

        String errorKey;
        Object[] errorArgs = new Object[0];
        try {
            DiwanLoginToken token = new DiwanLoginToken(username, password.toCharArray(), WebSession.remoteAddress(request));
            subject.login(token);
            token.failedSinceLastLogin().ifPresent(failures -> AttackNotice.keep(subject.getSession(), failures));
            if (language != null) {
                WebSession.setLanguage(language);
                accounts.setLanguage(username, language, new Actor(subject.getPrincipal().toString(), request.getRemoteAddr()));
            } else {
                accounts.find(username).ifPresent(account -> WebSession.setLanguage(account.language()));
            }
            response.sendRedirect("/");
            return;
        } catch (LockedAccountException e) {
            errorKey = "login.error.locked";
            errorArgs = new Object[] {time(e.getMessage(), language == null ? WebSession.language(request) : language)};
        } catch (ExcessiveAttemptsException e) {
            errorKey = "login.error.rate";
        } catch (AuthenticationException e) {
            errorKey = "login.error.credentials";
        }
        if (language != null) {
            WebSession.setLanguage(language);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("error", pages.message(errorKey, WebSession.language(request), errorArgs));
        model.put("username", username);
        pages.render(request, response, HttpServletResponse.SC_UNAUTHORIZED, "login", model);
    }

    private static String time(String instant, Language language) {
        try {
            String text = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(Instant.parse(instant));
            return DigitStyle.defaultFor(language).apply(text);
        } catch (RuntimeException unparsable) {
            return "";
        }
    }
}
