package org.diwan.missions.internal.web;

import java.io.IOException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.web.record.RecordApi;
import org.diwan.api.web.record.RecordResource;
import org.diwan.missions.internal.MissionsPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The department's JSON API, served by the shell's record API: {@code /api/missions/missions} (the registry,
 * {@link RegistryRecords}), {@code /api/missions/correspondence} ({@link CorrespondenceRecords}) behind the same
 * permissions as their pages, and {@code /api/missions/public/missions} ({@link PublicDirectory}), open to anyone.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern({RegistryRecords.API + "/*", CorrespondenceRecords.API + "/*", PublicDirectory.API + "/*"})
@HttpWhiteboardServletName("missions-api")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class MissionsApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordApi api;
    private final transient List<RecordResource<?>> resources;

    @Activate
    public MissionsApiServlet(@Reference RecordApi api, @Reference RegistryRecords registry, @Reference CorrespondenceRecords correspondence,
            @Reference PublicDirectory directory) {
        this.api = api;
        this.resources = List.of(registry, correspondence, directory);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        // the servlet path is the pattern that matched, without "/*": exactly one resource's base
        String base = request.getServletPath();
        for (RecordResource<?> resource : resources) {
            if (resource.apiBase().equals(base)) {
                api.serve(request, response, resource);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
