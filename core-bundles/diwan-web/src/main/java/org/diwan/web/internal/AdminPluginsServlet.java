package org.diwan.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.plugin.PluginAdmin;
import org.diwan.api.security.Actor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin's plugins page: the department features, installed or not, with install and uninstall. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/admin/plugins")
@HttpWhiteboardContextSelect(DiwanContext.SELECT)
@HttpWhiteboardServletName("diwan-admin-plugins")
public final class AdminPluginsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AdminPluginsServlet.class);

    private final transient PageRenderer pages;
    private final transient PluginAdmin plugins;

    @Activate
    public AdminPluginsServlet(@Reference PageRenderer pages, @Reference PluginAdmin plugins) {
        this.pages = pages;
        this.plugins = plugins;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, HttpServletResponse.SC_OK, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String feature = request.getParameter("feature");
        Actor actor = new Actor(WebSession.username().orElseThrow(), request.getRemoteAddr());
        try {
            if ("uninstall".equals(request.getParameter("action"))) {
                plugins.uninstall(feature, actor);
            } else {
                plugins.install(feature, actor);
            }
            response.sendRedirect("/admin/plugins");
        } catch (IllegalArgumentException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, "admin.plugins.error.unknown");
        } catch (Exception e) {
            LOG.error("Plugin {} could not be changed", feature, e);
            show(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "admin.plugins.error.failed");
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, String errorKey) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("plugins", plugins.available().stream()
                .map(p -> Map.of("feature", p.feature(), "description", p.description(), "installed", p.installed()))
                .toList());
        if (errorKey != null) {
            model.put("error", pages.message(errorKey, WebSession.language(request)));
        }
        pages.render(request, response, status, "admin-plugins", model);
    }
}
