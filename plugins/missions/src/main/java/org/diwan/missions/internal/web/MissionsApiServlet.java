package org.diwan.missions.internal.web;

import java.io.IOException;
import java.io.InputStream;
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

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.Page;
import org.diwan.missions.internal.common.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    static final int MAX_BODY = 64 * 1024;
    private static final long DRAIN = 1024 * 1024;

    private final transient MissionRegistry registry;
    private final transient CurrentUser user;
    private final transient Pages pages;
    private final transient Messages messages;
    private final transient ObjectMapper json = new ObjectMapper();

    @Activate
    public MissionsApiServlet(@Reference MissionRegistry registry, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages) {
        this.registry = registry;
        this.user = user;
        this.pages = pages;
        this.messages = messages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!permitted(request, response, MissionsPlugin.REGISTRY_READ)) {
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
                send(response, 200, body);
            } else if (path.size() == 1) {
                Optional<Mission> mission = registry.get(path.get(0));
                if (mission.isPresent()) {
                    send(response, 200, toJson(mission.get()));
                } else {
                    error(request, response, 404, "not-found", "error.notfound", Map.of());
                }
            } else {
                error(request, response, 404, "not-found", "error.notfound", Map.of());
            }
        } catch (SQLException e) {
            throw new ServletException("missions registry unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!permitted(request, response, MissionsPlugin.REGISTRY_WRITE)) {
            return;
        }
        if (!Requests.segments(request).isEmpty()) {
            error(request, response, 404, "not-found", "error.notfound", Map.of());
            return;
        }
        Optional<Map<String, String>> fields = body(request, response);
        if (fields.isEmpty()) {
            return;
        }
        Validation v = new Validation();
        try {
            Optional<Mission> created = registry.create(fields.get(), v, actor(), user.address());
            if (created.isPresent()) {
                response.setHeader("Location", "/api/missions/missions/" + created.get().id());
                send(response, 201, toJson(created.get()));
            } else {
                invalid(request, response, v);
            }
        } catch (SQLException e) {
            throw new ServletException("mission not saved", e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!permitted(request, response, MissionsPlugin.REGISTRY_WRITE)) {
            return;
        }
        List<String> path = Requests.segments(request);
        try {
            Optional<Mission> existing = path.size() == 1 ? registry.get(path.get(0)) : Optional.empty();
            if (existing.isEmpty()) {
                error(request, response, 404, "not-found", "error.notfound", Map.of());
                return;
            }
            Optional<Map<String, String>> fields = body(request, response);
            if (fields.isEmpty()) {
                return;
            }
            String version = fields.get().get("version");
            if (version == null || !version.matches("\\d{1,9}")) {
                error(request, response, 422, "invalid", "validation.summary", Map.of("version", text(request, "validation.required")));
                return;
            }
            Validation v = new Validation();
            try {
                Optional<Mission> saved = registry.update(existing.get().id(), Integer.parseInt(version), fields.get(), v, actor(),
                        user.address());
                if (saved.isPresent()) {
                    send(response, 200, toJson(saved.get()));
                } else {
                    invalid(request, response, v);
                }
            } catch (StaleEditException stale) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("error", "conflict");
                body.put("message", text(request, "missions.conflict"));
                body.put("current", toJson(stale.current(Mission.class)));
                send(response, 409, body);
            }
        } catch (SQLException e) {
            throw new ServletException("mission not saved", e);
        }
    }

    /** The request's JSON object as field name to text; empty, with the error already sent, when unusable. */
    private Optional<Map<String, String>> body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            error(request, response, 415, "unsupported-media-type", "missions.api.json-only", Map.of());
            return Optional.empty();
        }
        JsonNode node;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                // read on a little, so that a client still sending gets the answer instead of a reset connection
                in.skip(DRAIN);
                error(request, response, 413, "too-large", "missions.api.too-large", Map.of());
                return Optional.empty();
            }
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            error(request, response, 400, "malformed", "missions.api.malformed", Map.of());
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            error(request, response, 400, "malformed", "missions.api.malformed", Map.of());
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> wrongTypes = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isTextual() || value.isNumber()) {
                fields.put(e.getKey(), value.asText());
            } else if (!value.isNull()) {
                wrongTypes.put(e.getKey(), text(request, "missions.api.wrong-type"));
            }
        });
        if (!wrongTypes.isEmpty()) {
            error(request, response, 422, "invalid", "validation.summary", wrongTypes);
            return Optional.empty();
        }
        return Optional.of(fields);
    }

    private boolean permitted(HttpServletRequest request, HttpServletResponse response, String permission) throws IOException {
        if (user.isPermitted(permission)) {
            return true;
        }
        error(request, response, 403, "forbidden", "error.forbidden", Map.of());
        return false;
    }

    private void invalid(HttpServletRequest request, HttpServletResponse response, Validation v) throws IOException {
        error(request, response, 422, "invalid", "validation.summary", Requests.localized(v.errors(), messages, pages.language(request)));
    }

    private void error(HttpServletRequest request, HttpServletResponse response, int status, String code, String messageKey,
            Map<String, String> fields) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", text(request, messageKey));
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        send(response, status, body);
    }

    private String text(HttpServletRequest request, String key) {
        Language language = pages.language(request);
        return messages.get(key, language);
    }

    private void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private String actor() {
        return user.username().orElse("anonymous");
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
