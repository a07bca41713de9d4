package org.diwan.missions.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.api.web.record.PageRequest;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.media.MediaActivity;
import org.diwan.missions.internal.media.MediaService;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The media plan abroad (MIS-7): a year's activities of every office (or one), planned against reported per
 * office, the form to plan one, and the form to report on it.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/missions/media/*")
@HttpWhiteboardServletName("missions-media")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class MediaServlet extends DepartmentServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/diwan/missions/media";

    private final transient MediaService media;
    private final transient MissionRegistry registry;

    @Activate
    public MediaServlet(@Reference MediaService media, @Reference MissionRegistry registry, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages) {
        super(user, pages, messages);
        this.media = media;
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.MEDIA_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            if (path.isEmpty()) {
                plan(request, response, 200, Map.of(), Map.of());
                return;
            }
            Optional<MediaActivity> activity = path.size() == 1 ? media.get(path.get(0)) : Optional.empty();
            if (activity.isEmpty()) {
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            } else {
                activity(request, response, activity.get(), 200, Map.of(), Map.of(), null);
            }
        } catch (SQLException e) {
            throw new ServletException("media plan unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.MEDIA_WRITE)) {
            return;
        }
        PageRequest resolved = pages.resolve(request);
        List<String> path = resolved.path();
        Map<String, String> fields = resolved.params();
        Validation v = new Validation();
        Language language = pages.language(request);
        try {
            if (path.isEmpty()) {
                if (media.plan(fields, v, actor(), user.address()).isPresent()) {
                    response.sendRedirect(BASE + "?planned=1");
                } else {
                    plan(request, response, 422, fields, messages.fieldErrors(v.errors(), language));
                }
                return;
            }
            Optional<MediaActivity> activity = path.size() == 1 ? media.get(path.get(0)) : Optional.empty();
            if (activity.isEmpty()) {
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
                return;
            }
            if (!editableHere(request, response, activity.get().editableHere())) {
                return;
            }
            try {
                if (media.report(activity.get(), Requests.version(fields.get("version")), fields, v, actor(), user.address())) {
                    response.sendRedirect(BASE + "/" + activity.get().id() + "?saved=1");
                } else {
                    activity(request, response, activity.get(), 422, fields, messages.fieldErrors(v.errors(), language), null);
                }
            } catch (StaleEditException stale) {
                activity(request, response, media.get(activity.get().id()).orElse(activity.get()), HttpServletResponse.SC_CONFLICT, fields,
                        Map.of(), messages.get("missions.conflict", language));
            }
        } catch (SQLException e) {
            throw new ServletException("media plan not saved", e);
        }
    }

    private void plan(HttpServletRequest request, HttpServletResponse response, int status, Map<String, String> input, Map<String, String> errors)
            throws IOException, SQLException {
        Language language = pages.language(request);
        int year = year(request.getParameter("year")).orElse(media.today().getYear());
        String mission = request.getParameter("mission");
        List<MediaActivity> activities = media.year(year, mission);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MediaActivity a : activities) {
            rows.add(row(a, language));
        }
        List<Map<String, Object>> summary = new ArrayList<>();
        media.summary(activities).forEach((code, counts) -> summary.add(Map.of("code", code,
                "planned", Requests.number(counts.values().stream().mapToInt(Integer::intValue).sum(), language),
                "done", Requests.number(counts.getOrDefault(MediaActivity.Status.DONE, 0), language),
                "cancelled", Requests.number(counts.getOrDefault(MediaActivity.Status.CANCELLED, 0), language))));
        Map<String, Object> model = new HashMap<>();
        model.put("year", year);
        model.put("mission", mission == null ? "" : mission);
        model.put("rows", rows);
        model.put("summary", summary);
        model.put("missions", registry.find(new MissionQuery(null, null, null, null, MissionQuery.Sort.NAME, false, 0, MissionQuery.MAX_SIZE))
                .items().stream().map(m -> Map.of("id", m.id(), "name", m.nameIn(language))).toList());
        model.put("kinds", List.of(MediaActivity.Kind.values()).stream().map(Enum::name).toList());
        model.put("input", input);
        model.put("errors", errors);
        model.put("planned", request.getParameter("planned") != null);
        model.put("canWrite", user.isPermitted(MissionsPlugin.MEDIA_WRITE));
        model.put("todayIso", media.today().toString());
        pages.render(request, response, status, "missions/media-plan", model);
    }

    private void activity(HttpServletRequest request, HttpServletResponse response, MediaActivity a, int status, Map<String, String> input,
            Map<String, String> errors, String problem) throws IOException {
        Language language = pages.language(request);
        Map<String, String> f = new HashMap<>();
        f.put("status", a.status().name());
        f.put("heldOn", a.heldOn() == null ? "" : a.heldOn().toString());
        f.put("audience", a.audience() == null ? "" : a.audience().toString());
        f.put("report", a.report() == null ? "" : a.report());
        f.putAll(input);
        Map<String, Object> model = new HashMap<>();
        model.put("a", row(a, language));
        model.put("f", f);
        model.put("errors", errors);
        model.put("problem", problem);
        model.put("saved", request.getParameter("saved") != null);
        model.put("statuses", List.of(MediaActivity.Status.values()).stream().map(Enum::name).toList());
        model.put("canWrite", user.isPermitted(MissionsPlugin.MEDIA_WRITE) && a.editableHere());
        model.put("receivedFrom", a.receivedFrom());
        pages.render(request, response, status, "missions/media-activity", model);
    }

    private static Map<String, Object> row(MediaActivity a, Language language) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", a.id());
        row.put("mission", a.missionName().in(language));
        row.put("kind", a.kind().name());
        row.put("title", a.title());
        row.put("plannedOn", Dates.day(a.plannedOn(), language));
        row.put("status", a.status().name());
        row.put("heldOn", a.heldOn() == null ? null : Dates.day(a.heldOn(), language));
        row.put("audience", a.audience());
        row.put("report", a.report());
        row.put("version", a.version());
        return row;
    }

}
