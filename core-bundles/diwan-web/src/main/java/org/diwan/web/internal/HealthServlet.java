package org.diwan.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.security.Setup;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /health} for load balancers and monitoring: public, so it says whether the node serves and nothing
 * more. It answers once the shell is up, which needs the database, accounts and audit trail.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Held, not called: the servlet is registered only while the security core (and through it the database
     * and the audit trail) is up, so a node whose core failed answers 404 here, not UP.
     */
    private final transient Setup core;

    @Activate
    public HealthServlet(@Reference Setup core) {
        this.core = core;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        if (!WebSession.available()) {
            // reached without Diwan's context deciding first (never expected): pages would fail
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getWriter().write("{\"status\":\"STARTING\"}");
            return;
        }
        response.getWriter().write("{\"status\":\"UP\"}");
    }
}
