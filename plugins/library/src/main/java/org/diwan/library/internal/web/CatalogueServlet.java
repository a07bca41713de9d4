package org.diwan.library.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.Part;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.DocumentResponses;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueQuery;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.DigitalObject;
import org.diwan.library.internal.catalogue.DigitalObjects;
import org.diwan.library.internal.catalogue.RecordForm;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Viewer;
import org.diwan.library.internal.exchange.Exchange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The catalogue for staff (LIB-2, LIB-4): search with facets and advanced fields, a record's page, and the
 * cataloguer's form, which keeps what was typed when refused and refuses an edit made on an old version.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/library/catalogue/*")
@HttpWhiteboardServletName("library-catalogue")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
// the shell caps every upload at the documents service's limit before and while the body is read
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024)
public final class CatalogueServlet extends LibraryServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/diwan/library/catalogue";
    /** The servlet's own bound on a request; the documents service's limit (etc/org.diwan.documents.cfg) applies within it. */

    private final transient Catalogue catalogue;
    private final transient DigitalObjects objects;
    private final transient Exchange exchange;
    private final transient CatalogueViews views;

    @Activate
    public CatalogueServlet(@Reference Catalogue catalogue, @Reference DigitalObjects objects, @Reference Exchange exchange,
            @Reference Authorities authorities, @Reference CurrentUser user, @Reference Pages pages, @Reference Messages messages) {
        super(user, pages, messages);
        this.catalogue = catalogue;
        this.objects = objects;
        this.exchange = exchange;
        this.views = new CatalogueViews(authorities);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, LibraryPlugin.CATALOGUE_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            if (path.isEmpty()) {
                search(request, response);
            } else if (path.equals(List.of("new"))) {
                if (pages.permitted(request, response, LibraryPlugin.CATALOGUE_WRITE)) {
                    form(request, response, 200, null, Map.of("type", RecordType.BOOK.name(), "language", "ar", "access", AccessLevel.PUBLIC.name()),
                            Map.of(), null);
                }
            } else if (path.size() == 1) {
                detail(request, response, path.get(0), 200, Map.of());
            } else if (path.size() == 2 && EXPORTS.contains(path.get(1))) {
                Optional<CatalogueRecord> record = visible(path.get(0));
                if (record.isEmpty()) {
                    notFound(request, response);
                } else {
                    export(request, response, exchange, record.get(), path.get(1));
                }
            } else if (path.size() == 3 && path.get(1).equals("objects")) {
                Optional<CatalogueRecord> record = visible(path.get(0));
                if (record.isEmpty()) {
                    notFound(request, response);
                } else {
                    serveObject(request, response, objects, record.get(), path.get(2), staffViewer());
                }
            } else if (path.size() == 2 && path.get(1).equals("edit")) {
                Optional<CatalogueRecord> record = visible(path.get(0));
                if (record.isEmpty()) {
                    notFound(request, response);
                } else if (pages.permitted(request, response, LibraryPlugin.CATALOGUE_WRITE)) {
                    form(request, response, 200, record.get(), fieldsOf(record.get()), Map.of(), null);
                }
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("library catalogue unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, LibraryPlugin.CATALOGUE_WRITE)) {
            return;
        }
        PageRequest resolved = pages.resolve(request);
        List<String> path = resolved.path();
        Map<String, String> fields = resolved.params();
        Validation v = new Validation();
        try {
            if (path.equals(List.of("new"))) {
                Optional<CatalogueRecord> created = catalogue.create(fields, v, actor(), user.address());
                if (created.isPresent()) {
                    response.sendRedirect(BASE + "/" + created.get().id() + "?saved=1");
                } else {
                    form(request, response, 422, null, fields, pages.fieldErrors(request, v), null);
                }
            } else if (path.size() == 2 && path.get(1).equals("objects")) {
                Optional<CatalogueRecord> record = visible(path.get(0));
                if (record.isEmpty()) {
                    notFound(request, response);
                } else {
                    upload(request, response, record.get());
                }
            } else if (path.size() == 2 && path.get(1).equals("edit")) {
                Optional<CatalogueRecord> existing = visible(path.get(0));
                if (existing.isEmpty()) {
                    notFound(request, response);
                    return;
                }
                try {
                    Optional<CatalogueRecord> saved = catalogue.update(existing.get().id(), version(fields.get("version")), fields, v, actor(),
                            user.address());
                    if (saved.isPresent()) {
                        response.sendRedirect(BASE + "/" + saved.get().id() + "?saved=1");
                    } else {
                        form(request, response, 422, existing.get(), fields, pages.fieldErrors(request, v), null);
                    }
                } catch (StaleEditException stale) {
                    CatalogueRecord current = stale.current(CatalogueRecord.class);
                    form(request, response, HttpServletResponse.SC_CONFLICT, current, fields, Map.of(), current);
                }
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("library record not saved", e);
        }
    }

    /** A record the user may see; a restricted one is "not found" to those who may not, rather than "forbidden". */
    private Optional<CatalogueRecord> visible(String id) throws SQLException {
        return catalogue.get(id).filter(r -> staffViewer().sees(r.access()));
    }

    private void search(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        Language language = pages.language(request);
        CatalogueQuery query = CatalogueViews.query(request);
        Map<String, Object> model = views.search(BASE, query, catalogue.search(query, staffViewer(), language), language);
        model.put("publicCatalogue", false);
        model.put("canWrite", user.isPermitted(LibraryPlugin.CATALOGUE_WRITE));
        pages.render(request, response, 200, "library/catalogue", model);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response, CatalogueRecord record) throws IOException, SQLException {
        Part part;
        try {
            part = request.getPart("file");
        } catch (IllegalStateException tooLarge) {
            detail(request, response, record.id(), HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    Map.of("uploadError", messages.get(DocumentRefused.TOO_LARGE, pages.language(request), objects.maxSize())));
            return;
        } catch (ServletException notMultipart) {
            part = null;
        }
        if (part == null || part.getSize() == 0) {
            detail(request, response, record.id(), 422, Map.of("uploadError", messages.get(DocumentRefused.EMPTY, pages.language(request))));
            return;
        }
        Validation v = new Validation();
        String label = v.line("label", request.getParameter("label"), 300);
        String level = v.choice("objectAccess", request.getParameter("objectAccess"),
                Arrays.stream(AccessLevel.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet()), false);
        try (InputStream content = part.getInputStream()) {
            if (!v.isValid()) {
                detail(request, response, record.id(), 422, Map.of("uploadError", String.join(" ", pages.fieldErrors(request, v).values())));
                return;
            }
            // without a level of its own, an object is as open as its record
            objects.attach(record, part.getSubmittedFileName(), content, label, level == null ? record.access() : AccessLevel.valueOf(level),
                    actor(), user.address());
            response.sendRedirect(BASE + "/" + record.id() + "?attached=1#objects");
        } catch (DocumentRefused refused) {
            int status = refused.messageKey().equals(DocumentRefused.TOO_LARGE) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : 422;
            detail(request, response, record.id(), status,
                    Map.of("uploadError", messages.get(refused.messageKey(), pages.language(request), refused.args().toArray())));
        } finally {
            part.delete();
        }
    }

    static final java.util.Set<String> EXPORTS = java.util.Set.of("marc.xml", "marc.mrc", "dc.xml");

    /** One record as MARCXML, MARC 21 or Dublin Core, saved as a file named after the record. */
    static void export(HttpServletRequest request, HttpServletResponse response, Exchange exchange, CatalogueRecord record, String format)
            throws IOException, SQLException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + record.id() + "-" + format + "\"");
        switch (format) {
            case "marc.xml" -> {
                response.setContentType("application/marcxml+xml");
                exchange.exportMarcXml(List.of(record.id()), response.getOutputStream());
            }
            case "marc.mrc" -> {
                response.setContentType("application/marc");
                exchange.exportMarc21(List.of(record.id()), response.getOutputStream());
            }
            default -> {
                response.setContentType("application/xml;charset=UTF-8");
                String address = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                        + PublicCatalogueServlet.BASE + "/" + record.id();
                exchange.exportDublinCore(record, address, response.getWriter());
            }
        }
    }

    /** Sends a digital object the viewer may open: shown by the browser when it can, saved on request. */
    static void serveObject(HttpServletRequest request, HttpServletResponse response, DigitalObjects objects, CatalogueRecord record,
            String objectId, Viewer viewer) throws IOException, SQLException {
        Optional<DigitalObject> object = objects.find(record, objectId).filter(o -> o.visibleTo(viewer, record));
        if (object.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        DigitalObject o = object.get();
        boolean inline = o.viewable() && request.getParameter("download") == null;
        DocumentResponses.send(response, o.document().mediaType(), o.document().fileName(), o.document().size(), objects.open(o), inline);
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, String id, int status, Map<String, Object> extra)
            throws IOException, SQLException {
        Optional<CatalogueRecord> record = visible(id);
        if (record.isEmpty()) {
            notFound(request, response);
            return;
        }
        Map<String, Object> model = new HashMap<>(extra);
        Language language = pages.language(request);
        model.put("r", views.record(BASE, record.get(), language));
        model.put("objects", CatalogueViews.objects(BASE, record.get(), objects.of(record.get()), staffViewer(), language));
        model.put("levels", Arrays.stream(AccessLevel.values()).map(Enum::name).toList());
        model.put("attached", request.getParameter("attached") != null);
        model.put("base", BASE);
        model.put("publicCatalogue", false);
        model.put("saved", request.getParameter("saved") != null);
        model.put("canWrite", user.isPermitted(LibraryPlugin.CATALOGUE_WRITE));
        pages.render(request, response, status, "library/record", model);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, CatalogueRecord editing, Map<String, String> fields,
            Map<String, String> errors, CatalogueRecord conflict) throws IOException, SQLException {
        Language language = pages.language(request);
        Map<String, Object> model = new HashMap<>();
        Map<String, String> f = new HashMap<>();
        RecordForm.FIELDS.forEach(name -> f.put(name, fields.getOrDefault(name, "")));
        model.put("f", f);
        model.put("errors", errors);
        model.put("editing", editing == null ? null : views.record(BASE, editing, language));
        model.put("version", editing == null ? "" : Integer.toString(editing.version()));
        model.put("conflict", conflict != null);
        model.put("types", Arrays.stream(RecordType.values()).map(Enum::name).toList());
        model.put("levels", Arrays.stream(AccessLevel.values()).map(Enum::name).toList());
        model.put("action", editing == null ? BASE + "/new" : BASE + "/" + editing.id() + "/edit");
        model.put("base", BASE);
        pages.render(request, response, status, "library/record-form", model);
    }

    private Map<String, String> fieldsOf(CatalogueRecord r) throws SQLException {
        Map<String, String> f = new HashMap<>(views.formNames(r));
        f.put("type", r.type().name());
        f.put("titleAr", nz(r.title().ar()));
        f.put("titleEn", nz(r.title().en()));
        f.put("titleFr", nz(r.title().fr()));
        f.put("symbol", nz(r.symbol()));
        f.put("session", nz(r.session()));
        f.put("issuedOn", r.issuedOn() == null ? "" : r.issuedOn().toString());
        f.put("year", r.year() == null ? "" : r.year().toString());
        f.put("language", r.language());
        f.put("publisher", nz(r.publisher()));
        f.put("place", nz(r.place()));
        f.put("extent", nz(r.extent()));
        f.put("identifier", nz(r.identifier()));
        f.put("callNumber", nz(r.callNumber()));
        f.put("summary", nz(r.summary()));
        f.put("access", r.access().name());
        f.put("parent", nz(r.parentId()));
        return f;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
