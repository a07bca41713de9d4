package org.diwan.library.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.RecordInUse;
import org.diwan.library.internal.catalogue.Viewer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code DELETE /api/library/records/{id}}: a record deleted by a program (a Bearer token, or a session with its CSRF
 * header), with the permission {@code library:catalogue:delete}, decided before anything else. 204 when deleted, 404
 * when there is no such record or the caller may not see it, 409 while issues name it as their periodical or it has
 * copies; answers
 * are RFC 9457 problems like the shell's. The library has no other JSON API yet: every other method is 405.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern(RecordsApiServlet.BASE + "/*")
@HttpWhiteboardServletName("library-records-api")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class RecordsApiServlet extends HttpServlet {

    static final String BASE = "/api/library/records";
    private static final long serialVersionUID = 1L;

    private final transient Catalogue catalogue;
    private final transient CurrentUser user;
    private final transient Pages pages;

    @Activate
    public RecordsApiServlet(@Reference Catalogue catalogue, @Reference CurrentUser user, @Reference Pages pages) {
        this.catalogue = catalogue;
        this.user = user;
        this.pages = pages;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!request.getMethod().equals("DELETE")) {
            response.setHeader("Allow", "DELETE");
            problem(request, response, 405, "method");
            return;
        }
        if (!user.isPermitted(LibraryPlugin.CATALOGUE_DELETE)) {
            problem(request, response, 403, "forbidden");
            return;
        }
        String path = request.getPathInfo();
        String id = path == null ? "" : path.substring(1);
        try {
            Viewer viewer = user.isPermitted(LibraryPlugin.CATALOGUE_READ_RESTRICTED) ? Viewer.RESTRICTED : Viewer.STAFF;
            Optional<CatalogueRecord> record = id.matches("[0-9a-f-]{36}") ? catalogue.get(id).filter(r -> viewer.sees(r.access()))
                    : Optional.empty();
            if (record.isEmpty() || !catalogue.delete(record.get(), user.username().orElse("api"), user.address())) {
                problem(request, response, 404, "notfound");
                return;
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (RecordInUse kept) {
            problem(request, response, 409, kept.reason() == RecordInUse.Reason.COPIES ? "has-copies" : "in-use");
        } catch (SQLException e) {
            throw new ServletException("library: record " + id + " could not be deleted", e);
        }
    }

    /** {@code {"type":"about:blank","title":…,"status":…,"error":…,"detail":…}}, the detail in the caller's language. */
    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle("messages.messages", Locale.forLanguageTag(pages.language(request).tag()),
                getClass().getClassLoader());
        String body = "{\"type\":\"about:blank\",\"title\":" + quote(texts.getString("library.api.error")) + ",\"status\":" + status
                + ",\"error\":" + quote(code) + ",\"detail\":" + quote(texts.getString("library.api." + code)) + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
