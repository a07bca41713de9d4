package org.diwan.missions.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.node.NodeRole;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.Page;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The registry's pages (MIS-1): the list with filters, sorting and paging; an office's page; the form to add
 * or edit one, which keeps what was typed when it comes back with errors and refuses an edit made on an old
 * version instead of overwriting someone else's.
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/missions/registry/*")
@HttpWhiteboardServletName("missions-registry")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class RegistryServlet extends DepartmentServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/diwan/missions/registry";
    private static final List<String> FIELDS = List.of("code", "type", "country", "city", "nameAr", "nameEn", "nameFr", "head",
            "email", "phone", "address", "status", "reportEveryDays");

    private final transient MissionRegistry registry;
    private final transient MissionsSync sync;
    private final transient Countries countries = Countries.standard();

    @Activate
    public RegistryServlet(@Reference MissionRegistry registry, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages, @Reference MissionsSync sync) {
        super(user, pages, messages);
        this.registry = registry;
        this.sync = sync;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!user.isPermitted(MissionsPlugin.REGISTRY_READ)) {
            pages.error(request, response, HttpServletResponse.SC_FORBIDDEN, "error.forbidden");
            return;
        }
        List<String> path = Requests.segments(request);
        try {
            if (path.isEmpty()) {
                list(request, response);
            } else if (path.equals(List.of("new"))) {
                if (mayWrite(request, response)) {
                    form(request, response, 200, null, defaults(), Map.of(), null);
                }
            } else if (path.size() == 1) {
                detail(request, response, path.get(0));
            } else if (path.size() == 2 && path.get(1).equals("edit")) {
                Optional<Mission> mission = registry.get(path.get(0));
                if (mission.isEmpty()) {
                    notFound(request, response);
                } else if (mayWrite(request, response)) {
                    form(request, response, 200, mission.get(), fieldsOf(mission.get()), Map.of(), null);
                }
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("missions registry unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!mayWrite(request, response)) {
            return;
        }
        List<String> path = Requests.segments(request);
        Map<String, String> fields = Requests.params(request);
        Validation v = new Validation();
        try {
            if (path.equals(List.of("new"))) {
                Optional<Mission> created = registry.create(fields, v, actor(), user.address());
                if (created.isPresent()) {
                    response.sendRedirect(BASE + "/" + created.get().id() + "?saved=1");
                } else {
                    form(request, response, 422, null, fields, Requests.localized(v.errors(), messages, pages.language(request)), null);
                }
            } else if (path.size() == 2 && path.get(1).equals("edit")) {
                Optional<Mission> existing = registry.get(path.get(0));
                if (existing.isEmpty()) {
                    notFound(request, response);
                    return;
                }
                int version = Requests.version(fields.get("version"));
                try {
                    Optional<Mission> saved = registry.update(existing.get().id(), version, fields, v, actor(), user.address());
                    if (saved.isPresent()) {
                        response.sendRedirect(BASE + "/" + saved.get().id() + "?saved=1");
                    } else {
                        form(request, response, 422, existing.get(), fields, Requests.localized(v.errors(), messages, pages.language(request)), null);
                    }
                } catch (StaleEditException stale) {
                    form(request, response, HttpServletResponse.SC_CONFLICT, stale.current(Mission.class), fields, Map.of(), stale.current(Mission.class));
                }
            } else {
                notFound(request, response);
            }
        } catch (SQLException e) {
            throw new ServletException("missions registry not saved", e);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        Map<String, String> params = Requests.params(request);
        MissionQuery query = MissionQuery.from(params);
        Page<Mission> page = registry.find(query);
        Language language = pages.language(request);

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", query.text());
        filters.put("type", query.type() == null ? null : query.type().name());
        filters.put("country", query.country());
        filters.put("status", query.status() == null ? null : query.status().name());

        Map<String, Object> model = common(language);
        model.putAll(Listing.sortAndPages(BASE, filters, query.sort().param(), query.descending(),
                java.util.Arrays.stream(MissionQuery.Sort.values()).map(MissionQuery.Sort::param).toList(), page, "asc"));
        model.put("rows", page.items().stream().map(m -> row(m, language)).toList());
        model.put("filters", filters);
        model.put("canWrite", user.isPermitted(MissionsPlugin.REGISTRY_WRITE) && sync.owns(NodeRole.HQ));
        pages.render(request, response, 200, "missions/registry-list", model);
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, String id) throws IOException, SQLException {
        Optional<Mission> mission = registry.get(id);
        if (mission.isEmpty()) {
            notFound(request, response);
            return;
        }
        Language language = pages.language(request);
        Map<String, Object> model = common(language);
        model.put("m", row(mission.get(), language));
        model.put("saved", request.getParameter("saved") != null);
        model.put("canWrite", user.isPermitted(MissionsPlugin.REGISTRY_WRITE) && sync.owns(NodeRole.HQ));
        model.put("readOnlyHere", !sync.owns(NodeRole.HQ));
        pages.render(request, response, 200, "missions/registry-detail", model);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, Mission editing, Map<String, String> fields,
            Map<String, String> errors, Mission conflict) throws IOException {
        Language language = pages.language(request);
        Map<String, Object> model = common(language);
        Map<String, String> f = new HashMap<>();
        FIELDS.forEach(name -> f.put(name, fields.getOrDefault(name, "")));
        model.put("f", f);
        model.put("errors", errors);
        model.put("editing", editing == null ? null : row(editing, language));
        // after a conflict the form carries the current version, so that saving again is a deliberate choice
        model.put("version", editing == null ? "" : Integer.toString(editing.version()));
        model.put("conflict", conflict == null ? null : row(conflict, language));
        model.put("action", editing == null ? BASE + "/new" : BASE + "/" + editing.id() + "/edit");
        pages.render(request, response, status, "missions/registry-form", model);
    }

    private Map<String, Object> common(Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("countries", countries.sortedFor(language).stream()
                .map(c -> Map.of("code", c.code(), "name", c.name().in(language))).toList());
        model.put("types", List.of(MissionType.values()).stream().map(Enum::name).toList());
        model.put("statuses", List.of(MissionStatus.values()).stream().map(Enum::name).toList());
        return model;
    }

    private Map<String, Object> row(Mission m, Language language) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", m.id());
        row.put("code", m.code());
        row.put("type", m.type().name());
        row.put("country", m.country());
        row.put("countryName", countries.name(m.country(), language));
        row.put("city", m.city());
        row.put("name", m.nameIn(language));
        row.put("nameAr", m.name().ar());
        row.put("nameEn", m.name().en());
        row.put("nameFr", m.name().fr());
        row.put("head", m.headOfMission());
        row.put("email", m.email());
        row.put("phone", m.phone());
        row.put("address", m.address());
        row.put("status", m.status().name());
        row.put("reportEveryDays", m.reportEveryDays());
        row.put("version", m.version());
        row.put("updatedAt", Dates.format(m.updatedAt(), language));
        row.put("updatedBy", m.updatedBy());
        return row;
    }

    private static Map<String, String> defaults() {
        return Map.of("type", MissionType.MISSION.name(), "status", MissionStatus.ACTIVE.name(), "reportEveryDays",
                Integer.toString(org.diwan.missions.internal.registry.MissionForm.DEFAULT_REPORT_EVERY_DAYS));
    }

    private static Map<String, String> fieldsOf(Mission m) {
        Map<String, String> f = new HashMap<>();
        f.put("code", m.code());
        f.put("type", m.type().name());
        f.put("country", m.country());
        f.put("city", m.city());
        f.put("nameAr", m.name().ar());
        f.put("nameEn", nz(m.name().en()));
        f.put("nameFr", nz(m.name().fr()));
        f.put("head", nz(m.headOfMission()));
        f.put("email", nz(m.email()));
        f.put("phone", nz(m.phone()));
        f.put("address", nz(m.address()));
        f.put("status", m.status().name());
        f.put("reportEveryDays", Integer.toString(m.reportEveryDays()));
        return f;
    }

    /** The registry is headquarters' to edit: a mission node shows the copy it receives. */
    private boolean mayWrite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return allowed(request, response, MissionsPlugin.REGISTRY_WRITE) && editableHere(request, response, sync.owns(NodeRole.HQ));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
