package org.diwan.web.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The audit trail, newest first, {@value #PAGE} entries a page. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/audit")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin-audit")
public final class AdminAuditServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final transient PageRenderer pages;
    private final transient AuditLog audit;

    @Activate
    public AdminAuditServlet(@Reference PageRenderer pages, @Reference AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int page = pageNumber(request.getParameter("page"));
        var entries = audit.recent(page * PAGE, PAGE + 1);
        pages.render(request, response, HttpServletResponse.SC_OK, "admin-audit", Map.of(
                "entries", entries.stream().limit(PAGE).map(e -> Map.of("when", WHEN.format(e.at()), "who", e.actor(),
                        "what", e.action(), "target", e.target(), "detail", e.detail(), "from", e.address())).toList(),
                "page", page,
                "hasOlder", entries.size() > PAGE));
    }

    /** A missing, negative or non-numeric page number means the first page. */
    static int pageNumber(String text) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(text == null ? "0" : text.trim()), 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
