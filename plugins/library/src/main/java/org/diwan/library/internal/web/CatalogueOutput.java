package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
import org.diwan.library.internal.catalogue.Viewer;
import org.diwan.library.internal.exchange.Exchange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the staff catalogue ({@code /diwan/library/catalogue}) and the public one ({@code /public/library}) show alike:
 * the search with facets, a record's exports, its page and its digital objects. What differs is the base path and
 * what the viewer may see: a record or an object the viewer may not see is "not found", never "forbidden".
 */
@Component(service = CatalogueOutput.class)
public final class CatalogueOutput {

    static final Set<String> EXPORTS = Set.of("marc.xml", "marc.mrc", "dc.xml");

    private final Catalogue catalogue;
    private final DigitalObjects objects;
    private final Exchange exchange;
    private final Pages pages;
    private final CatalogueViews views;
    private final HoldingsViews holdings;

    @Activate
    public CatalogueOutput(@Reference Catalogue catalogue, @Reference DigitalObjects objects, @Reference Exchange exchange,
            @Reference Authorities authorities, @Reference Pages pages, @Reference HoldingsViews holdings) {
        this.holdings = holdings;
        this.catalogue = catalogue;
        this.objects = objects;
        this.exchange = exchange;
        this.pages = pages;
        this.views = new CatalogueViews(authorities);
    }

    /** The signed-in user's eyes: restricted records need their own permission. */
    static Viewer staffViewer(PageRequest page) {
        return page.permitted(LibraryPlugin.CATALOGUE_READ_RESTRICTED) ? Viewer.RESTRICTED : Viewer.STAFF;
    }

    /** Whether a path below a catalogue's base is its search ({@code /}) or a record's export ({@code /{id}/marc.xml}). */
    static boolean searchOrExport(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) {
            return true;
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        return segments.length == 2 && EXPORTS.contains(segments[1]);
    }

    /** The staff catalogue's search and a record's exports, for holders of the read permission. */
    void serveStaff(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CATALOGUE_READ,
                (page, rq, rs) -> searchOrExport(CatalogueRecords.BASE, staffViewer(page), page, rq, rs));
    }

    /** The public catalogue, to anyone: the search, the exports, a record's page and its objects, public ones only. */
    void servePublic(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String base = PublicCatalogueServlet.BASE;
        pages.serve(request, response, null,
                (page, rq, rs) -> searchOrExport(base, Viewer.PUBLIC, page, rq, rs) || publicRecord(base, page, rq, rs));
    }

    CatalogueViews views() {
        return views;
    }

    /** A record the viewer may see. */
    Optional<CatalogueRecord> visible(String id, Viewer viewer) throws SQLException {
        return catalogue.get(id).filter(r -> viewer.sees(r.access()));
    }

    /**
     * The search at {@code base} and the exports below it, as {@code viewer} sees them; false for any other path.
     */
    boolean searchOrExport(String base, Viewer viewer, PageRequest page, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        List<String> path = page.path();
        boolean publicCatalogue = viewer == Viewer.PUBLIC;
        if (path.isEmpty()) {
            CatalogueQuery query = CatalogueViews.query(request);
            Map<String, Object> model = views.search(base, query, catalogue.search(query, viewer, page.language()), page.language());
            model.put("publicCatalogue", publicCatalogue);
            model.put("canWrite", !publicCatalogue && page.permitted(LibraryPlugin.CATALOGUE_WRITE));
            // back from deleting a record (RecordDeletion)
            model.put("deleted", !publicCatalogue && "1".equals(page.param("deleted")));
            pages.render(request, response, 200, "library/catalogue", model);
            return true;
        }
        if (path.size() != 2 || !EXPORTS.contains(path.get(1))) {
            return false;
        }
        Optional<CatalogueRecord> record = visible(path.get(0), viewer);
        if (record.isPresent()) {
            export(request, response, record.get(), path.get(1));
        }
        return record.isPresent();
    }

    /** The public record's page and its objects: {@code base/{id}} and {@code base/{id}/objects/{objectId}}. */
    boolean publicRecord(String base, PageRequest page, HttpServletRequest request, HttpServletResponse response)
            throws IOException, SQLException {
        List<String> path = page.path();
        boolean object = path.size() == 3 && path.get(1).equals("objects");
        Optional<CatalogueRecord> record = path.size() == 1 || object ? visible(path.get(0), Viewer.PUBLIC) : Optional.empty();
        if (record.isEmpty()) {
            return false;
        }
        if (object) {
            Optional<DigitalObject> found = object(record.get(), path.get(2), Viewer.PUBLIC);
            if (found.isPresent()) {
                DigitalObject o = found.get();
                DocumentResponses.send(response, o.document().mediaType(), o.document().fileName(), o.document().size(), objects.open(o),
                        inline(o, page));
            }
            return found.isPresent();
        }
        Map<String, Object> model = recordModel(base, record.get(), Viewer.PUBLIC, page);
        model.put("saved", false);
        model.put("canWrite", false);
        model.put("canDelete", false);
        // how many copies are on the shelf and when the next is due: never who borrowed one
        model.put("holdings", holdings.availability(record.get(), page));
        pages.render(request, response, 200, "library/record-detail", model);
        return true;
    }

    /** What a record's page shows besides the shell's: its fields with authority names, its objects, the access levels. */
    Map<String, Object> recordModel(String base, CatalogueRecord record, Viewer viewer, PageRequest page) throws SQLException {
        Map<String, Object> model = new HashMap<>();
        model.put("r", views.record(base, record, page.language()));
        model.put("objects", CatalogueViews.objects(base, record, objects.of(record), viewer, page.language()));
        model.put("levels", Arrays.stream(AccessLevel.values()).map(Enum::name).toList());
        model.put("publicCatalogue", viewer == Viewer.PUBLIC);
        model.put("marcView", CatalogueViews.marcView(exchange.marc(record)));
        model.put("base", base);
        return model;
    }

    /** A digital object of the record the viewer may open. */
    Optional<DigitalObject> object(CatalogueRecord record, String objectId, Viewer viewer) throws SQLException {
        return objects.find(record, objectId).filter(o -> o.visibleTo(viewer, record));
    }

    /** Shown by the browser when it can, saved when the reader asked to download it. */
    static boolean inline(DigitalObject object, PageRequest page) {
        return object.viewable() && !page.params().containsKey("download");
    }

    /** One record as MARCXML, MARC 21 or Dublin Core, saved as a file named after the record. */
    private void export(HttpServletRequest request, HttpServletResponse response, CatalogueRecord record, String format)
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
}
