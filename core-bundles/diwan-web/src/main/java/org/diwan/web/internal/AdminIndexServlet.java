package org.diwan.web.internal;

import java.io.IOException;
import java.util.Map;

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

/** The administration start page: links to plugins, users and roles, the audit trail and health. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin")
public final class AdminIndexServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PageRenderer pages;

    @Activate
    public AdminIndexServlet(@Reference PageRenderer pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render(request, response, HttpServletResponse.SC_OK, "admin", Map.of());
    }
}
