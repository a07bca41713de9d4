package org.diwan.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The language switch: remembered in the session, in a cookie for the next visit before login, and with the
 * account of a logged-in user. Then back to the page the switch was pressed on.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/language")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-language")
public final class LanguageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final transient Accounts accounts;

    @Activate
    public LanguageServlet(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Language> language = Language.fromTag(request.getParameter("lang"));
        if (language.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        WebSession.setLanguage(language.get());
        // Written by hand: the Servlet 4 Cookie class has no SameSite attribute.
        response.addHeader("Set-Cookie", LanguageResolver.COOKIE + "=" + language.get().tag()
                + "; Path=/; Max-Age=" + ONE_YEAR + "; Secure; HttpOnly; SameSite=Lax");
        WebSession.username().ifPresent(user ->
                accounts.setLanguage(user, language.get(), new Actor(user, request.getRemoteAddr())));
        response.sendRedirect(safeLocalPath(request.getParameter("back")));
    }

    /** Only a path of this site: no scheme, no host, no '//' or '\' that a browser could read as one. */
    static String safeLocalPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || !back.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "/";
        }
        return back;
    }
}
