package org.diwan.web.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** A user's own API tokens: list, create (scope within what they hold), revoke. See {@link TokenPages}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AccountTokensServlet.PATH)
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-account-tokens")
public final class AccountTokensServlet extends HttpServlet {

    static final String PATH = "/account/tokens";
    private static final long serialVersionUID = 1L;

    private final transient TokenPages tokens;

    @Activate
    public AccountTokensServlet(@Reference TokenPages tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        tokens.show(request, response, HttpServletResponse.SC_OK, Optional.of(self()), TokenPages.notice(request));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("revoke".equals(request.getParameter("action"))) {
            tokens.revoke(request, response, self(), PATH);
        } else {
            tokens.create(request, response, self(), Optional.of(self()));
        }
    }

    private static String self() {
        return WebSession.username().orElseThrow();
    }
}
