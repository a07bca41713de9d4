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
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The media plan abroad (MIS-7), served by the shell's record page flow with the rules of {@link MediaRecords}. */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern(MediaRecords.BASE + "/*")
@HttpWhiteboardServletName("missions-media")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class MediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordPages pages;
    private final transient MediaRecords media;

    @Activate
    public MediaServlet(@Reference RecordPages pages, @Reference MediaRecords media) {
        this.pages = pages;
        this.media = media;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        pages.serve(request, response, media);
    }
}
