package org.diwan.library.internal.web;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordPages;
import org.diwan.library.internal.LibraryPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The staff catalogue's pages: its search with facets, a record's exports and its deletion as the catalogue's own pages, everything
 * else (a record's page, the form, attaching and opening digital objects) through the shell's record page flow with
 * the rules of {@link CatalogueRecords}.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern(CatalogueRecords.BASE + "/*")
@HttpWhiteboardServletName("library-catalogue")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
// the shell caps every upload at the documents service's limit before and while the body is read
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024)
public final class CatalogueServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordPages recordPages;
    private final transient CatalogueRecords records;
    private final transient CatalogueOutput output;
    private final transient RecordDeletion deletion;

    @Activate
    public CatalogueServlet(@Reference RecordPages recordPages, @Reference CatalogueRecords records, @Reference CatalogueOutput output,
            @Reference RecordDeletion deletion) {
        this.recordPages = recordPages;
        this.records = records;
        this.output = output;
        this.deletion = deletion;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (read && CatalogueOutput.searchOrExport(request.getPathInfo())) {
            output.serveStaff(request, response);
        } else if (RecordDeletion.isDeletion(request.getPathInfo())) {
            deletion.serve(request, response);
        } else {
            recordPages.serve(request, response, records);
        }
    }
}
