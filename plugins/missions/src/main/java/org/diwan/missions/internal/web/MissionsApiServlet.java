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

/**
 * {@code /api/missions/missions}: the registry as JSON, served by the shell's record API with the rules of
 * {@link RegistryRecords}, behind the same permissions as the pages.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern(RegistryRecords.API + "/*")
@HttpWhiteboardServletName("missions-api-registry")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class MissionsApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient RecordApi api;
    private final transient RegistryRecords registry;

    @Activate
    public MissionsApiServlet(@Reference RecordApi api, @Reference RegistryRecords registry) {
        this.api = api;
        this.registry = registry;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        api.serve(request, response, registry);
    }
}
