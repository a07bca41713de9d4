package org.diwan.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.search.CollectionStatus;
import org.diwan.api.search.SearchService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The admin's search page: each collection's records, state, last rebuild and last error, and a rebuild button. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/search")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin-search")
public final class AdminSearchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PageRenderer pages;
    private final transient SearchService search;
    private final transient AuditLog audit;

    @Activate
    public AdminSearchServlet(@Reference PageRenderer pages, @Reference SearchService search, @Reference AuditLog audit) {
        this.pages = pages;
        this.search = search;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, HttpServletResponse.SC_OK, null, request.getParameter("started"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String collection = request.getParameter("collection");
        boolean started;
        try {
            started = search.rebuild(collection);
        } catch (IllegalArgumentException notACollection) {
            started = false;
        }
        if (!started) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, "admin.search.error.noSource", null);
            return;
        }
        audit.record(new AuditEntry(Instant.now(), WebSession.username().orElseThrow(), "search.rebuild", collection, "rebuild started",
                request.getRemoteAddr()));
        response.sendRedirect("/admin/search?started=" + java.net.URLEncoder.encode(collection, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String errorKey, String started) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("collections", search.status().stream().map(AdminSearchServlet::row).toList());
        model.put("started", started);
        if (errorKey != null) {
            model.put("error", pages.message(errorKey, WebSession.language(request)));
        }
        pages.render(request, response, status, "admin-search", model);
    }

    private static Map<String, Object> row(CollectionStatus c) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", c.collection());
        row.put("documents", c.documents());
        row.put("rebuilding", c.rebuilding());
        row.put("hasSource", c.hasSource());
        row.put("lastRebuilt", c.lastRebuilt() == null ? "" : c.lastRebuilt().toString().substring(0, 19).replace('T', ' '));
        row.put("lastError", c.lastError() == null ? "" : c.lastError());
        return row;
    }
}
