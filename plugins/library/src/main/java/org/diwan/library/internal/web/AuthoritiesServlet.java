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
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Authority control's pages (LIB-5), served by the shell's record page flow with the rules of {@link AuthorityRecords}. */
@Component(service = Servlet.class, property = "diwan.plugin=" + LibraryPlugin.ID)
@HttpWhiteboardServletPattern(AuthorityRecords.BASE + "/*")
@HttpWhiteboardServletName("library-authorities")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class AuthoritiesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordPages pages;
    private final transient AuthorityRecords authorities;

    @Activate
    public AuthoritiesServlet(@Reference RecordPages pages, @Reference AuthorityRecords authorities) {
        this.pages = pages;
        this.authorities = authorities;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, authorities);
    }
}
