package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.calendar.DualDate;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
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
 * since last looked at, opened (which marks them seen), deleted.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/library/searches/*")
@HttpWhiteboardServletName("library-searches")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class SavedSearchesServlet extends LibraryServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/diwan/library/searches";

    private final transient SavedSearches searches;
    private final transient Catalogue catalogue;

    @Activate
    public SavedSearchesServlet(@Reference SavedSearches searches, @Reference Catalogue catalogue, @Reference CurrentUser user,
            @Reference Pages pages, @Reference Messages messages) {
        super(user, pages, messages);
        this.searches = searches;
        this.catalogue = catalogue;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, LibraryPlugin.CATALOGUE_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            if (path.isEmpty()) {
                list(request, response, 200, null);
            } else if (path.size() == 1) {
                Optional<SavedSearch> search = searches.get(actor(), path.get(0));
                if (search.isEmpty()) {
                    notFound(request, response);
                    return;
                }
                searches.seen(search.get());
                response.sendRedirect(CatalogueServlet.BASE + "?" + search.get().query());
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("saved searches unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, LibraryPlugin.CATALOGUE_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            if (path.isEmpty()) {
                Validation v = new Validation();
                String name = v.requiredLine("name", request.getParameter("name"), 200);
                // only what the catalogue's own form makes: the query is read back through its parser
                String query = CatalogueViews.queryString(CatalogueViews.query(Optional.ofNullable(request.getParameter("query")).orElse("")));
                if (!v.isValid()) {
                    list(request, response, 422, String.join(" ", pages.fieldErrors(request, v).values()));
                    return;
                }
                try {
                    searches.save(actor(), name, query);
                } catch (IllegalStateException full) {
                    list(request, response, 422, messages.get("library.searches.full", pages.language(request), SavedSearches.MAX_PER_USER));
                    return;
                }
                response.sendRedirect(BASE + "?saved=1");
            } else if (path.size() == 2 && path.get(1).equals("delete")) {
                if (!searches.delete(actor(), path.get(0))) {
                    notFound(request, response);
                    return;
                }
                response.sendRedirect(BASE);
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("saved search not stored", e);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, int status, String error) throws IOException, SQLException {
        Language language = pages.language(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SavedSearch search : searches.of(actor())) {
            CatalogueHits fresh = catalogue.search(CatalogueViews.query(search.query()).countingChangesSince(search.lastSeen()), staffViewer(),
                    language);
            Map<String, Object> row = new HashMap<>();
            row.put("id", search.id());
            row.put("name", search.name());
            row.put("href", BASE + "/" + search.id());
            row.put("fresh", fresh.total());
            row.put("freshText", DigitStyle.defaultFor(language).apply(Long.toString(fresh.total())) + (fresh.exact() ? "" : "+"));
            row.put("since", DualDate.formatMoment(search.lastSeen(), ZoneId.systemDefault(), language));
            rows.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("saved", request.getParameter("saved") != null);
        model.put("error", error);
        pages.render(request, response, status, "library/searches", model);
    }
}
