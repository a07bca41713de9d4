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
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.Page;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/missions/correspondence}: correspondence as JSON (MIS-2), with the filters, validation, mission
 * scope and permissions of the pages; a record comes with its attachments' metadata and follow-up actions.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/api/missions/correspondence/*")
@HttpWhiteboardServletName("missions-api-correspondence")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class CorrespondenceApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient CorrespondenceService service;
    private final transient CurrentUser user;
    private final transient JsonApi api;

    @Activate
    public CorrespondenceApiServlet(@Reference CorrespondenceService service, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages) {
        this.service = service;
        this.user = user;
        this.api = new JsonApi(user, pages, messages);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!api.permitted(request, response, MissionsPlugin.CORRESPONDENCE_READ)) {
            return;
        }
        List<String> path = Requests.segments(request);
        try {
            if (path.isEmpty()) {
                Page<Correspondence> page = service.find(Requests.params(request));
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("items", page.items().stream().map(CorrespondenceApiServlet::toJson).toList());
                body.put("total", page.total());
                body.put("page", page.page());
                body.put("size", page.size());
                api.send(response, 200, body);
                return;
            }
            Optional<Correspondence> record = path.size() == 1 ? service.get(path.get(0)) : Optional.empty();
            if (record.isEmpty()) {
                api.notFound(request, response);
                return;
            }
            Map<String, Object> body = toJson(record.get());
            body.put("attachments", service.attachments(record.get()).stream().map(a -> Map.of("id", a.id(), "fileName", a.fileName(),
                    "mediaType", a.mediaType(), "size", a.size(), "sha256", a.sha256(),
                    "href", "/diwan/missions/correspondence/" + record.get().id() + "/attachments/" + a.id())).toList());
            body.put("followUps", service.followUps(record.get()).stream().map(f -> Map.of("id", f.id(), "action", f.action(), "owner",
                    f.owner(), "deadline", f.deadline().toString(), "status", f.status().name(), "version", f.version(), "overdue",
                    f.isOverdue(service.today()))).toList());
            api.send(response, 200, body);
        } catch (SQLException e) {
            throw new ServletException("correspondence unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!api.permitted(request, response, MissionsPlugin.CORRESPONDENCE_WRITE)) {
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
            Optional<Correspondence> created = service.create(fields.get(), v, api.actor(), api.address(),
                    user.isPermitted(MissionsPlugin.CORRESPONDENCE_APPROVE));
            if (created.isPresent()) {
                response.setHeader("Location", "/api/missions/correspondence/" + created.get().id());
                api.send(response, 201, toJson(created.get()));
            } else {
                api.invalid(request, response, v);
            }
        } catch (SQLException e) {
            throw new ServletException("correspondence not saved", e);
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!api.permitted(request, response, MissionsPlugin.CORRESPONDENCE_WRITE)) {
            return;
        }
        List<String> path = Requests.segments(request);
        try {
            Optional<Correspondence> existing = path.size() == 1 ? service.get(path.get(0)) : Optional.empty();
            if (existing.isEmpty()) {
                api.notFound(request, response);
                return;
            }
            if (!existing.get().editableHere()) {
                api.error(request, response, 403, "read-only", "missions.sync.readOnly", Map.of());
                return;
            }
            Optional<Map<String, String>> fields = api.body(request, response);
            if (fields.isEmpty()) {
                return;
            }
            Validation v = new Validation();
            int version = Requests.version(fields.get().get("version"));
            if (version < 0) {
                v.reject("version", "validation.required");
                api.invalid(request, response, v);
                return;
            }
            try {
                Optional<Correspondence> saved = service.update(existing.get().id(), version, fields.get(), v, api.actor(), api.address(),
                        user.isPermitted(MissionsPlugin.CORRESPONDENCE_APPROVE));
                if (saved.isPresent()) {
                    api.send(response, 200, toJson(saved.get()));
                } else {
                    api.invalid(request, response, v);
                }
            } catch (StaleEditException stale) {
                api.conflict(request, response, toJson(stale.current(Correspondence.class)));
            }
        } catch (SQLException e) {
            throw new ServletException("correspondence not saved", e);
        }
    }

    static Map<String, Object> toJson(Correspondence c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", c.id());
        o.put("mission", c.missionId());
        o.put("missionCode", c.missionCode());
        o.put("counterpart", c.counterpart().name());
        o.put("counterpartName", c.counterpartName());
        o.put("classification", c.classification().name());
        o.put("country", c.country());
        o.put("referenceNo", c.referenceNo());
        o.put("documentDate", c.documentDate().toString());
        o.put("receivedDate", c.receivedDate() == null ? null : c.receivedDate().toString());
        o.put("subject", c.subject());
        o.put("summary", c.summary());
        o.put("status", c.status().name());
        o.put("version", c.version());
        o.put("updatedAt", c.updatedAt().toString());
        o.put("updatedBy", c.updatedBy());
        o.put("receivedFrom", c.receivedFrom());
        return o;
    }
}
