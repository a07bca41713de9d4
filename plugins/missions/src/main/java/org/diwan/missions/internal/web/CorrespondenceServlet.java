package org.diwan.missions.internal.web;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordPages;
import org.diwan.missions.internal.MissionsPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Correspondence pages (MIS-2), served by the shell's record page flow with the rules of {@link CorrespondenceRecords}. */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern(CorrespondenceRecords.BASE + "/*")
@HttpWhiteboardServletName("missions-correspondence")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
// the shell caps every upload at the documents service's limit before and while the body is read
@HttpWhiteboardServletMultipart(enabled = true, fileSizeThreshold = 1024 * 1024)
public final class CorrespondenceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordPages pages;
    private final transient CorrespondenceRecords correspondence;

    @Activate
    public CorrespondenceServlet(@Reference RecordPages pages, @Reference CorrespondenceRecords correspondence) {
        this.pages = pages;
        this.correspondence = correspondence;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, correspondence);
    }
}
