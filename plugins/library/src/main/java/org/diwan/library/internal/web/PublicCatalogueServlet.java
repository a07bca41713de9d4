package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.Authorities;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueQuery;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.DigitalObjects;
import org.diwan.library.internal.exchange.Exchange;
import org.diwan.library.internal.catalogue.Viewer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The public catalogue (LIB-4) for users outside the Secretariat: no login, read only, public records only.
 * Anything else, a restricted record's id included, is "not found".
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern("/public/library/*")
@HttpWhiteboardServletName("library-public")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class PublicCatalogueServlet extends LibraryServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/public/library";

    private final transient Catalogue catalogue;
    private final transient DigitalObjects objects;
    private final transient Exchange exchange;
    private final transient CatalogueViews views;

    @Activate
    public PublicCatalogueServlet(@Reference Catalogue catalogue, @Reference DigitalObjects objects, @Reference Exchange exchange,
            @Reference Authorities authorities, @Reference CurrentUser user, @Reference Pages pages, @Reference Messages messages) {
        super(user, pages, messages);
        this.catalogue = catalogue;
        this.objects = objects;
        this.exchange = exchange;
        this.views = new CatalogueViews(authorities);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        List<String> path = pages.resolve(request).path();
        Language language = pages.language(request);
        try {
            if (path.isEmpty()) {
                CatalogueQuery query = CatalogueViews.query(request);
                Map<String, Object> model = views.search(BASE, query, catalogue.search(query, Viewer.PUBLIC, language), language);
                model.put("publicCatalogue", true);
                model.put("canWrite", false);
                pages.render(request, response, 200, "library/catalogue", model);
            } else if (path.size() == 2 && CatalogueServlet.EXPORTS.contains(path.get(1))) {
                Optional<CatalogueRecord> record = catalogue.get(path.get(0)).filter(r -> Viewer.PUBLIC.sees(r.access()));
                if (record.isEmpty()) {
                    notFound(request, response);
                } else {
                    CatalogueServlet.export(request, response, exchange, record.get(), path.get(1));
                }
            } else if (path.size() == 3 && path.get(1).equals("objects")) {
                Optional<CatalogueRecord> record = catalogue.get(path.get(0)).filter(r -> Viewer.PUBLIC.sees(r.access()));
                if (record.isEmpty()) {
                    notFound(request, response);
                } else {
                    CatalogueServlet.serveObject(request, response, objects, record.get(), path.get(2), Viewer.PUBLIC);
                }
            } else if (path.size() == 1) {
                Optional<CatalogueRecord> record = catalogue.get(path.get(0)).filter(r -> Viewer.PUBLIC.sees(r.access()));
                if (record.isEmpty()) {
                    notFound(request, response);
                    return;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("r", views.record(BASE, record.get(), language));
                model.put("objects", CatalogueViews.objects(BASE, record.get(), objects.of(record.get()), Viewer.PUBLIC, language));
                model.put("base", BASE);
                model.put("publicCatalogue", true);
                model.put("saved", false);
                model.put("canWrite", false);
                pages.render(request, response, 200, "library/record", model);
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("public catalogue unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
