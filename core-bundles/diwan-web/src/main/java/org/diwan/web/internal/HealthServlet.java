package org.diwan.web.internal;

import java.io.IOException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.ServletContext;
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
 * more. It answers once the shell is up, which needs the database, accounts and audit trail, and says UP only once
 * the shell's first pages are served: the whiteboard registers servlets one by one, and a visitor (or a test) sent
 * on by an UP must not meet a 404 at {@code /login}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/health")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-health")
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The servlets a visitor meets first; once all are served they stay so while this servlet lives. */
    private static final List<String> FIRST_PAGES = List.of("diwan-login", "diwan-setup", "diwan-home", "diwan-language");

    /**
     * Held, not called: the servlet is registered only while the security core (and through it the database
     * and the audit trail) is up, so a node whose core failed answers 404 here, not UP.
     */
    private final transient Setup core;
    private volatile boolean firstPagesServed;

    @Activate
    public HealthServlet(@Reference Setup core) {
        this.core = core;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        if (!WebSession.available() || !firstPagesServed()) {
            // still starting: pages not all registered yet, or (never expected) reached without Diwan's context deciding first
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.getWriter().write("{\"status\":\"STARTING\"}");
            return;
        }
        response.getWriter().write("{\"status\":\"UP\"}");
    }

    /** Whether the servlet context holds the first pages: a named dispatcher exists only for a registered servlet. */
    private boolean firstPagesServed() {
        if (!firstPagesServed) {
            ServletContext context = getServletContext();
            firstPagesServed = FIRST_PAGES.stream().allMatch(name -> context.getNamedDispatcher(name) != null);
        }
        return firstPagesServed;
    }
}
