package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.validation.Validation;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueHits;
import org.diwan.library.internal.catalogue.SavedSearch;
import org.diwan.library.internal.catalogue.SavedSearches;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * A reader's saved searches: saved from the catalogue's results, listed with how many records are new or changed
 * since last looked at, opened (which marks them seen), deleted, with e-mail alerts started or stopped
 * ({@code POST base/{id}/alerts}, {@code alerts=on|off}). Only the reader's own: another's id is "not found".
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern(SavedSearchesServlet.BASE + "/*")
@HttpWhiteboardServletName("library-searches")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class SavedSearchesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/diwan/library/searches";

    private final transient SavedSearches searches;
    private final transient Catalogue catalogue;
    private final transient Pages pages;

    @Activate
    public SavedSearchesServlet(@Reference SavedSearches searches, @Reference Catalogue catalogue, @Reference Pages pages) {
        this.searches = searches;
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CATALOGUE_READ, this::listOrOpen);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CATALOGUE_READ, this::saveOrDelete);
    }

    /** The list, or a saved search opened: its results in the catalogue, and from now on nothing in it is new. */
    private boolean listOrOpen(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        if (page.path().isEmpty()) {
            list(page, request, response, 200, null);
            return true;
        }
        Optional<SavedSearch> search = page.path().size() == 1 ? searches.get(page.actor(), page.path().get(0)) : Optional.empty();
        if (search.isPresent()) {
            searches.seen(search.get());
            response.sendRedirect(CatalogueRecords.BASE + "?" + search.get().query());
        }
        return search.isPresent();
    }

    private boolean saveOrDelete(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        List<String> path = page.path();
        if (path.size() == 2 && path.get(1).equals("delete")) {
            boolean deleted = searches.delete(page.actor(), path.get(0));
            if (deleted) {
                response.sendRedirect(BASE);
            }
            return deleted;
        }
        if (path.size() == 2 && path.get(1).equals("alerts")) {
            boolean on = "on".equals(page.param("alerts"));
            boolean found = searches.alerts(page.actor(), path.get(0), on);
            if (found) {
                response.sendRedirect(BASE + "?alerts=" + (on ? "on" : "off"));
            }
            return found;
        }
        if (!path.isEmpty()) {
            return false;
        }
        Validation v = new Validation();
        String name = v.requiredLine("name", page.params().get("name"), 200);
        // only what the catalogue's own form makes: the query is read back through its parser
        String query = CatalogueViews.queryString(CatalogueViews.query(page.param("query")));
        if (v.isValid()) {
            try {
                searches.save(page.actor(), name, query);
                response.sendRedirect(BASE + "?saved=1");
                return true;
            } catch (IllegalStateException full) {
                v.reject("name", "library.searches.full", SavedSearches.MAX_PER_USER);
            }
        }
        list(page, request, response, 422, String.join(" ", pages.fieldErrors(request, v).values()));
        return true;
    }

    /** The reader's saved searches, each with how many records are new or changed since it was last opened. */
    private void list(PageRequest page, HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException, SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SavedSearch search : searches.of(page.actor())) {
            CatalogueHits fresh = catalogue.search(CatalogueViews.query(search.query()).countingChangesSince(search.lastSeen()),
                    CatalogueOutput.staffViewer(page), page.language());
            rows.add(Map.of("id", search.id(), "name", search.name(), "href", BASE + "/" + search.id(), "fresh", fresh.total(),
                    "freshText", page.number(fresh.total()) + (fresh.exact() ? "" : "+"), "since", page.dateTime(search.lastSeen()),
                    "alerts", search.alerts()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("saved", page.params().containsKey("saved"));
        model.put("alertsChanged", page.param("alerts"));
        model.put("error", error);
        pages.render(request, response, status, "library/searches", model);
    }
}
