package org.diwan.missions.internal.web;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordApi;
import org.diwan.missions.internal.MissionsPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /api/missions/correspondence}: correspondence as JSON, served by the shell's record API with {@link CorrespondenceRecords}. */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern(CorrespondenceRecords.API + "/*")
@HttpWhiteboardServletName("missions-api-correspondence")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class CorrespondenceApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordApi api;
    private final transient CorrespondenceRecords correspondence;

    @Activate
    public CorrespondenceApiServlet(@Reference RecordApi api, @Reference CorrespondenceRecords correspondence) {
        this.api = api;
        this.correspondence = correspondence;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        api.serve(request, response, correspondence);
    }
}
