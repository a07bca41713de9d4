package org.diwan.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.security.AccountException;
import org.diwan.api.security.Setup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The first-start page: the setup token buys the first administrator. Gone once one exists. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/setup")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-setup")
public final class SetupServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PageRenderer pages;
    private final transient Setup setup;

    @Activate
    public SetupServlet(@Reference PageRenderer pages, @Reference Setup setup) {
        this.pages = pages;
        this.setup = setup;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!setup.required()) {
            response.sendRedirect("/login");
            return;
        }
        pages.render(request, response, HttpServletResponse.SC_OK, "setup", Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!setup.required()) {
            response.sendRedirect("/login");
            return;
        }
        String username = WebSession.param(request, "username");
        String displayName = WebSession.param(request, "displayName");
        String password = WebSession.param(request, "password");
        String errorKey = null;
        if (!password.equals(WebSession.param(request, "confirm"))) {
            errorKey = "setup.error.mismatch";
        } else {
            try {
                setup.complete(WebSession.param(request, "token"), username, displayName, password.toCharArray(), request.getRemoteAddr());
                response.sendRedirect("/login?setup=done");
                return;
            } catch (AccountException e) {
                errorKey = e.messageKey();
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("error", pages.message(errorKey, WebSession.language(request)));
        model.put("username", username);
        model.put("displayName", displayName);
        pages.render(request, response, HttpServletResponse.SC_BAD_REQUEST, "setup", model);
    }

}
