package org.diwan.library.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.exchange.Exchange;
import org.diwan.library.internal.exchange.ExchangeRefused;
import org.diwan.library.internal.exchange.ImportReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * MARC import and export for cataloguers (LIB-6): a MARCXML or MARC 21 file in, with a report of what was made
 * and what was refused and why; the whole catalogue out as MARCXML or MARC 21.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/library/exchange/*")
@HttpWhiteboardServletName("library-exchange")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024, maxFileSize = Exchange.MAX_FILE,
        maxRequestSize = Exchange.MAX_FILE + 1024 * 1024)
public final class ExchangeServlet extends LibraryServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/diwan/library/exchange";
    private static final Set<String> LEVELS = Set.of("PUBLIC", "STAFF", "RESTRICTED");

    private final transient Exchange exchange;

    @Activate
    public ExchangeServlet(@Reference Exchange exchange, @Reference CurrentUser user, @Reference Pages pages, @Reference Messages messages) {
        super(user, pages, messages);
        this.exchange = exchange;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, LibraryPlugin.CATALOGUE_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            if (path.isEmpty()) {
                page(request, response, 200, Map.of());
            } else if (path.equals(List.of("catalogue.xml")) || path.equals(List.of("catalogue.mrc"))) {
                boolean xml = path.get(0).endsWith(".xml");
                response.setContentType(xml ? "application/marcxml+xml" : "application/marc");
                response.setHeader("Content-Disposition", "attachment; filename=\"catalogue." + (xml ? "xml" : "mrc") + "\"");
                response.setHeader("X-Content-Type-Options", "nosniff");
                exchange.exportAll(staffViewer(), xml, response.getOutputStream());
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("library export failed", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, LibraryPlugin.CATALOGUE_WRITE)) {
            return;
        }
        if (!pages.resolve(request).path().equals(List.of("import"))) {
            notFound(request, response);
            return;
        }
        Language language = pages.language(request);
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException tooLarge) {
            page(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    Map.of("importError", messages.get("library.exchange.too-large", language, Exchange.MAX_FILE / (1024 * 1024))));
            return;
        } catch (ServletException notMultipart) {
            part = null;
        }
        if (part == null || part.getSize() == 0) {
            page(request, response, 422, Map.of("importError", messages.get("library.exchange.empty", language)));
            return;
        }
        String access = request.getParameter("access");
        access = access != null && LEVELS.contains(access) ? access : "STAFF";
        try (InputStream in = part.getInputStream()) {
            ImportReport report = exchange.importFile(in.readAllBytes(), access, actor(), user.address());
            Map<String, Object> model = new HashMap<>();
            model.put("report", true);
            model.put("read", report.read());
            model.put("createdCount", report.created().size());
            model.put("created", report.created().stream().limit(200).map(id -> CatalogueServlet.BASE + "/" + id).toList());
            List<Map<String, Object>> refused = new ArrayList<>();
            for (ImportReport.Refused r : report.refused()) {
                refused.add(Map.of("position", r.position(), "title", r.title() == null ? "" : r.title(), "reasons", String.join("؛ ",
                        r.reasons().stream().map(reason -> localizedReason(reason, language)).toList())));
            }
            model.put("refused", refused);
            model.put("ignored", String.join(", ", report.ignoredTags()));
            page(request, response, 200, model);
        } catch (ExchangeRefused refused) {
            int status = refused.messageKey().endsWith("too-large") ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 422;
            page(request, response, status, Map.of("importError", messages.get(refused.messageKey(), language, refused.args().toArray())));
        } catch (SQLException e) {
            throw new ServletException("library import failed", e);
        } finally {
            part.delete();
        }
    }

    /** "field: key" or "key: name" as written by the import, in the reader's language. */
    private String localizedReason(String reason, Language language) {
        int colon = reason.indexOf(": ");
        if (colon < 0) {
            return messages.get(reason, language);
        }
        String head = reason.substring(0, colon);
        String tail = reason.substring(colon + 2);
        if (head.startsWith("library.")) {
            return messages.get(head, language, tail);
        }
        return messages.get("library.field." + head, language) + ": " + messages.get(tail, language, "");
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra) throws IOException {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("report", false);
        model.put("canWrite", user.isPermitted(LibraryPlugin.CATALOGUE_WRITE));
        model.put("base", BASE);
        pages.render(request, response, status, "library/exchange", model);
    }
}
