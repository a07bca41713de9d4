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

/**
 * Every user's API tokens, for administrators ({@code /admin/*} needs {@code diwan:admin}): list, create for any
 * user (scope within what that user holds), revoke. See {@link TokenPages}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(AdminTokensServlet.PATH)
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin-tokens")
public final class AdminTokensServlet extends HttpServlet {

    static final String PATH = "/admin/tokens";
    private static final long serialVersionUID = 1L;

    private final transient TokenPages tokens;

    @Activate
    public AdminTokensServlet(@Reference TokenPages tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        tokens.show(request, response, HttpServletResponse.SC_OK, Optional.empty(), TokenPages.notice(request));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String owner = WebSession.param(request, "owner");
        if ("revoke".equals(request.getParameter("action"))) {
            tokens.revoke(request, response, owner, PATH);
        } else {
            tokens.create(request, response, owner, Optional.empty());
        }
    }
}
