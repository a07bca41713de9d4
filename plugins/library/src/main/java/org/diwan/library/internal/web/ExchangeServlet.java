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
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.exchange.Exchange;
import org.diwan.library.internal.exchange.ExchangeRefused;
import org.diwan.library.internal.exchange.ImportReport;
import org.diwan.library.internal.exchange.OnDuplicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * MARC import and export for cataloguers (LIB-6): a MARCXML or MARC 21 file in, with a report of what was made,
 * updated, refused and why, and of the records already in the catalogue (held for a choice record by record:
 * update, skip or new); the whole catalogue out as MARCXML or MARC 21.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/library/exchange/*")
@HttpWhiteboardServletName("library-exchange")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024, maxFileSize = Exchange.MAX_FILE,
        maxRequestSize = Exchange.MAX_FILE + 1024 * 1024)
public final class ExchangeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/diwan/library/exchange";
    private static final Set<String> LEVELS = Set.of("PUBLIC", "STAFF", "RESTRICTED");
    private static final List<String> IMPORT = List.of("import");
    private static final List<String> HELD = List.of("held");

    private final transient Exchange exchange;
    private final transient Pages pages;
    private final transient Messages messages;

    @Activate
    public ExchangeServlet(@Reference Exchange exchange, @Reference Pages pages, @Reference Messages messages) {
        this.exchange = exchange;
        this.pages = pages;
        this.messages = messages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CATALOGUE_READ, this::pageOrExport);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CATALOGUE_WRITE, (page, rq, rs) -> page.path().equals(IMPORT) ? imported(page, rq, rs)
                : page.path().equals(HELD) && resolved(page, rq, rs));
    }

    private boolean pageOrExport(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        String file = page.path().size() == 1 ? page.path().get(0) : "";
        if (page.path().isEmpty()) {
            page(page, request, response, 200, Map.of());
        } else if (file.equals("catalogue.xml") || file.equals("catalogue.mrc")) {
            boolean xml = file.endsWith(".xml");
            response.setContentType(xml ? "application/marcxml+xml" : "application/marc");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
            response.setHeader("X-Content-Type-Options", "nosniff");
            exchange.exportAll(CatalogueOutput.staffViewer(page), xml, response.getOutputStream());
        } else {
            return false;
        }
        return true;
    }

    /** The import: the file is read only here, within the servlet's own multipart limit (413 over it, 422 when empty). */
    private boolean imported(PageRequest page, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException, SQLException {
        Language language = page.language();
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException tooLarge) {
            String message = messages.get("library.exchange.too-large", language, Exchange.MAX_FILE / (1024 * 1024));
            page(page, request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, Map.of("importError", message));
            return true;
        } catch (ServletException notMultipart) {
            part = null;
        }
        if (part == null || part.getSize() == 0) {
            page(page, request, response, 422, Map.of("importError", messages.get("library.exchange.empty", language)));
            return true;
        }
        String access = request.getParameter("access");
        access = access != null && LEVELS.contains(access) ? access : "STAFF";
        OnDuplicate onDuplicate = choice(request.getParameter("onDuplicate"));
        try (InputStream in = part.getInputStream()) {
            ImportReport report = exchange.importFile(in.readAllBytes(), access, onDuplicate == null ? OnDuplicate.ASK : onDuplicate, page.actor(),
                    page.address());
            page(page, request, response, 200, report(report, language));
        } catch (ExchangeRefused refused) {
            int status = refused.messageKey().endsWith("too-large") ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 422;
            page(page, request, response, status, Map.of("importError", messages.get(refused.messageKey(), language, refused.args().toArray())));
        } finally {
            part.delete();
        }
        return true;
    }

    /** The cataloguer's choice for each record an import held: {@code choice.<held id>} = update, skip or new. */
    private boolean resolved(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        String batch = request.getParameter("batch");
        if (batch == null || !batch.matches("[0-9a-f-]{36}")) {
            return false;
        }
        Map<String, OnDuplicate> choices = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            OnDuplicate choice = values.length == 1 ? choice(values[0]) : null;
            if (name.startsWith("choice.") && choice != null) {
                choices.put(name.substring("choice.".length()), choice);
            }
        });
        page(page, request, response, 200, report(exchange.resolve(batch, choices, page.actor(), page.address()), page.language()));
        return true;
    }

    private static OnDuplicate choice(String value) {
        return switch (value == null ? "" : value) {
            case "update" -> OnDuplicate.UPDATE;
            case "skip" -> OnDuplicate.SKIP;
            case "new" -> OnDuplicate.NEW;
            case "ask" -> OnDuplicate.ASK;
            default -> null;
        };
    }

    private Map<String, Object> report(ImportReport report, Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", true);
        model.put("read", report.read());
        model.put("createdCount", report.created().size());
        model.put("created", report.created().stream().limit(200).map(id -> CatalogueRecords.BASE + "/" + id).toList());
        List<Map<String, Object>> refused = new ArrayList<>();
        for (ImportReport.Refused r : report.refused()) {
            refused.add(Map.of("position", r.position(), "title", r.title() == null ? "" : r.title(), "reasons", String.join("؛ ",
                    r.reasons().stream().map(reason -> localizedReason(reason, language)).toList())));
        }
        model.put("refused", refused);
        model.put("updated", report.updated().stream().limit(200).map(id -> CatalogueRecords.BASE + "/" + id).toList());
        model.put("skipped", duplicates(report.skipped()));
        model.put("held", duplicates(report.pending()));
        model.put("batch", report.batch());
        model.put("ignored", String.join(", ", report.ignoredTags()));
        return model;
    }

    private static List<Map<String, Object>> duplicates(List<ImportReport.Duplicate> duplicates) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImportReport.Duplicate d : duplicates.subList(0, Math.min(duplicates.size(), 500))) {
            rows.add(Map.of("position", d.position(), "title", d.title() == null ? "" : d.title(), "id", d.pendingId() == null ? "" : d.pendingId(),
                    "matched", d.matchedIds().stream().map(id -> CatalogueRecords.BASE + "/" + id).toList()));
        }
        return rows;
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

    private void page(PageRequest page, HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> extra)
            throws IOException {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("report", false);
        model.put("canWrite", page.permitted(LibraryPlugin.CATALOGUE_WRITE));
        model.put("base", BASE);
        pages.render(request, response, status, "library/exchange", model);
    }
}
