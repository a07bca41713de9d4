package org.diwan.library.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.RecordInUse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Deleting a record from the staff catalogue: {@code GET base/{id}/delete} asks for confirmation (or says why it
 * cannot be done: the periodical's issues, the record's copies), {@code POST} deletes and goes back to the catalogue. The record kit has
 * no deletion, so the catalogue's servlet hands these two addresses here before the record flow. The permission is
 * decided before the form is read; a record the cataloguer may not see is not found.
 */
@Component(service = RecordDeletion.class)
public final class RecordDeletion {

    static final String ACTION = "delete";

    private final Catalogue catalogue;
    private final CatalogueOutput output;
    private final Pages pages;

    @Activate
    public RecordDeletion(@Reference Catalogue catalogue, @Reference CatalogueOutput output, @Reference Pages pages) {
        this.catalogue = catalogue;
        this.output = output;
        this.pages = pages;
    }

    /** Whether a path below the catalogue's base is a record's deletion ({@code /{id}/delete}). */
    static boolean isDeletion(String pathInfo) {
        if (pathInfo == null) {
            return false;
        }
        String[] segments = pathInfo.substring(1).split("/", -1);
        return segments.length == 2 && segments[1].equals(ACTION);
    }

    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, LibraryPlugin.CATALOGUE_DELETE, this::handle);
    }

    private boolean handle(PageRequest page, HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        if (page.path().size() != 2) {
            return false;
        }
        Optional<CatalogueRecord> record = output.visible(page.path().get(0), CatalogueOutput.staffViewer(page));
        if (record.isEmpty()) {
            return false;
        }
        switch (request.getMethod()) {
            case "GET", "HEAD" -> confirm(request, response, 200, record.get(), page);
            case "POST" -> {
                try {
                    catalogue.delete(record.get(), page.actor(), page.address());
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", CatalogueRecords.BASE + "?deleted=1");
                } catch (RecordInUse kept) {
                    confirm(request, response, 409, record.get(), page);
                }
            }
            default -> {
                response.setHeader("Allow", "GET, HEAD, POST");
                pages.error(request, response, 405, "error.method");
            }
        }
        return true;
    }

    /** The confirmation, or the refusal with what keeps the record (its issues, its copies), when something does. */
    private void confirm(HttpServletRequest request, HttpServletResponse response, int status, CatalogueRecord record, PageRequest page)
            throws IOException, SQLException {
        List<Map<String, Object>> issues = catalogue.children(record.id()).stream()
                .map(id -> Map.<String, Object>of("id", id, "href", CatalogueRecords.BASE + "/" + id)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("base", CatalogueRecords.BASE);
        model.put("id", record.id());
        model.put("title", record.title().in(page.language()));
        model.put("access", record.access().name());
        model.put("issues", issues);
        model.put("copies", catalogue.copies(record.id()));
        model.put("refused", status == 409);
        pages.render(request, response, status, "library/record-delete", model);
    }
}
