package org.diwan.missions.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Messages;
import org.diwan.api.node.NodeRole;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.Page;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/missions/missions}: the registry as JSON, behind the same permissions as the pages. Errors come
 * back as JSON too: {@code {"error": "...", "message": "...", "fields": {...}}} with 400, 403, 404, 409, 413,
 * 415 or 422, the message in the caller's language.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/api/missions/missions/*")
@HttpWhiteboardServletName("missions-api-registry")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class MissionsApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient MissionRegistry registry;
    private final transient MissionsSync sync;
    private final transient JsonApi api;

    @Activate
    public MissionsApiServlet(@Reference MissionRegistry registry, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages, @Reference MissionsSync sync) {
        this.registry = registry;
        this.sync = sync;
        this.api = new JsonApi(user, pages, messages);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!api.permitted(request, response, MissionsPlugin.REGISTRY_READ)) {
            return;
        }
        List<String> path = Requests.segments(request);
        try {
            if (path.isEmpty()) {
                Page<Mission> page = registry.find(MissionQuery.from(Requests.params(request)));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", page.items().stream().map(MissionsApiServlet::toJson).toList());
                body.put("total", page.total());
                body.put("page", page.page());
                body.put("size", page.size());
                api.send(response, 200, body);
            } else if (path.size() == 1) {
                Optional<Mission> mission = registry.get(path.get(0));
                if (mission.isPresent()) {
                    api.send(response, 200, toJson(mission.get()));
                } else {
                    api.notFound(request, response);
                }
            } else {
                api.notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("missions registry unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!api.permitted(request, response, MissionsPlugin.REGISTRY_WRITE)) {
            return;
        }
        if (!sync.owns(NodeRole.HQ)) {
            // headquarters keeps the directory; a mission node holds a read-only copy
            api.error(request, response, 403, "read-only", "missions.sync.readOnly", Map.of());
            return;
        }
        if (!Requests.segments(request).isEmpty()) {
            api.notFound(request, response);
            return;
        }
        Optional<Map<String, String>> fields = api.body(request, response);
        if (fields.isEmpty()) {
            return;
        }
        Validation v = new Validation();
        try {
            Optional<Mission> created = registry.create(fields.get(), v, api.actor(), api.address());
            if (created.isPresent()) {
                response.setHeader("Location", "/api/missions/missions/" + created.get().id());
                api.send(response, 201, toJson(created.get()));
            } else {
                api.invalid(request, response, v);
            }
        } catch (SQLException e) {
            throw new ServletException("mission not saved", e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!api.permitted(request, response, MissionsPlugin.REGISTRY_WRITE)) {
            return;
        }
        if (!sync.owns(NodeRole.HQ)) {
            // headquarters keeps the directory; a mission node holds a read-only copy
            api.error(request, response, 403, "read-only", "missions.sync.readOnly", Map.of());
            return;
        }
        List<String> path = Requests.segments(request);
        try {
            Optional<Mission> existing = path.size() == 1 ? registry.get(path.get(0)) : Optional.empty();
            if (existing.isEmpty()) {
                api.notFound(request, response);
                return;
            }
            Optional<Map<String, String>> fields = api.body(request, response);
            if (fields.isEmpty()) {
                return;
            }
            String version = fields.get().get("version");
            if (version == null || !version.matches("\\d{1,9}")) {
                api.invalid(request, response, versionMissing());
                return;
            }
            Validation v = new Validation();
            try {
                Optional<Mission> saved = registry.update(existing.get().id(), Integer.parseInt(version), fields.get(), v, api.actor(),
                        api.address());
                if (saved.isPresent()) {
                    api.send(response, 200, toJson(saved.get()));
                } else {
                    api.invalid(request, response, v);
                }
            } catch (StaleEditException stale) {
                api.conflict(request, response, toJson(stale.current(Mission.class)));
            }
        } catch (SQLException e) {
            throw new ServletException("mission not saved", e);
        }
    }

    private static Validation versionMissing() {
        Validation v = new Validation();
        v.reject("version", "validation.required");
        return v;
    }

    static Map<String, Object> toJson(Mission m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("code", m.code());
        o.put("type", m.type().name());
        o.put("country", m.country());
        o.put("city", m.city());
        o.put("nameAr", m.name().ar());
        o.put("nameEn", m.name().en());
        o.put("nameFr", m.name().fr());
        o.put("head", m.headOfMission());
        o.put("email", m.email());
        o.put("phone", m.phone());
        o.put("address", m.address());
        o.put("status", m.status().name());
        o.put("reportEveryDays", m.reportEveryDays());
        o.put("version", m.version());
        o.put("updatedAt", m.updatedAt().toString());
        o.put("updatedBy", m.updatedBy());
        return o;
    }
}
