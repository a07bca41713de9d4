package org.diwan.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.security.Actor;
import org.diwan.api.security.Lockouts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The unlock button of the users page: lifts every login lock of one name. Under {@code /admin/}, so the
 * security filter lets only administrators through and checks the CSRF token; {@link Lockouts#unlock} audits it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/users/unlock")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin-users-unlock")
public final class AdminUnlockServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Lockouts lockouts;

    @Activate
    public AdminUnlockServlet(@Reference Lockouts lockouts) {
        this.lockouts = lockouts;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = WebSession.param(request, "username");
        if (username.isBlank()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        lockouts.unlock(username, new Actor(WebSession.username().orElseThrow(), request.getRemoteAddr()));
        response.sendRedirect("/admin/users?done=unlocked");
    }
}
