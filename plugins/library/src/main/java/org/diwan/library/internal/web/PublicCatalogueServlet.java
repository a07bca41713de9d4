package org.diwan.library.internal.web;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.library.internal.LibraryPlugin;
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
@HttpWhiteboardServletPattern(PublicCatalogueServlet.BASE + "/*")
@HttpWhiteboardServletName("library-public")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class PublicCatalogueServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/public/library";

    private final transient CatalogueOutput output;

    @Activate
    public PublicCatalogueServlet(@Reference CatalogueOutput output) {
        this.output = output;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        output.servePublic(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
