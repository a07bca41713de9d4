package org.diwan.missions.internal.web;

import java.io.IOException;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.node.NodeRole;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.monitoring.Criterion;
import org.diwan.missions.internal.monitoring.Evaluation;
import org.diwan.missions.internal.monitoring.MonitoringService;
import org.diwan.missions.internal.monitoring.ReportingStatus;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Monitoring pages (MIS-3): the dashboard of offices that report regularly and those overdue, and per office its
 * reporting calendar over twelve months and its evaluations (record, approve, history).
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/missions/monitoring/*")
@HttpWhiteboardServletName("missions-monitoring")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class MonitoringServlet extends DepartmentServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/diwan/missions/monitoring";

    private final transient MonitoringService monitoring;
    private final transient MissionsSync sync;
    private final transient Countries countries = Countries.standard();

    @Activate
    public MonitoringServlet(@Reference MonitoringService monitoring, @Reference CurrentUser user, @Reference Pages pages,
            @Reference Messages messages, @Reference MissionsSync sync) {
        super(user, pages, messages);
        this.monitoring = monitoring;
        this.sync = sync;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.MONITORING_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            if (path.isEmpty()) {
                dashboard(request, response);
                return;
            }
            Optional<Mission> mission = path.size() == 1 ? monitoring.mission(path.get(0)) : Optional.empty();
            if (mission.isEmpty()) {
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            } else {
                mission(request, response, mission.get(), 200, Map.of(), Map.of());
            }
        } catch (SQLException e) {
            throw new ServletException("monitoring unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        // evaluations are headquarters' (a mission receives its approved ones): sync never sees two editors
        if (!pages.permitted(request, response, MissionsPlugin.MONITORING_WRITE) || !editableHere(request, response, sync.owns(NodeRole.HQ))) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            Optional<Mission> mission = path.size() >= 2 ? monitoring.mission(path.get(0)) : Optional.empty();
            if (mission.isEmpty()) {
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            } else if (path.size() == 2 && path.get(1).equals("evaluations")) {
                Map<String, String> fields = pages.resolve(request).params();
                Validation v = new Validation();
                if (monitoring.evaluate(mission.get(), fields, v, actor(), user.address()).isPresent()) {
                    response.sendRedirect(BASE + "/" + mission.get().id() + "#evaluations");
                } else {
                    mission(request, response, mission.get(), 422, fields, messages.fieldErrors(v.errors(), pages.language(request)));
                }
            } else if (path.size() == 4 && path.get(1).equals("evaluations") && path.get(3).equals("approve")) {
                if (!pages.permitted(request, response, MissionsPlugin.MONITORING_APPROVE)) {
                    return;
                }
                try {
                    monitoring.approve(mission.get(), path.get(2), Requests.version(request.getParameter("version")), actor(), user.address());
                    response.sendRedirect(BASE + "/" + mission.get().id() + "#evaluations");
                } catch (StaleEditException stale) {
                    mission(request, response, mission.get(), HttpServletResponse.SC_CONFLICT, Map.of(),
                            Map.of("evaluation", messages.get("missions.conflict", pages.language(request))));
                }
            } else {
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            }
        } catch (SQLException e) {
            throw new ServletException("evaluation not saved", e);
        }
    }

    private void dashboard(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        Language language = pages.language(request);
        List<Map<String, Object>> overdue = new ArrayList<>();
        List<Map<String, Object>> regular = new ArrayList<>();
        for (ReportingStatus status : monitoring.dashboard()) {
            Map<String, Object> row = new HashMap<>();
            Mission m = status.mission();
            row.put("id", m.id());
            row.put("code", m.code());
            row.put("name", m.nameIn(language));
            row.put("country", countries.name(m.country(), language));
            row.put("every", m.reportEveryDays());
            row.put("lastReport", status.lastReport() == null ? null : Dates.date(status.lastReport(), language));
            row.put("due", Dates.date(status.due(), language));
            row.put("daysLate", status.daysLate());
            row.put("reportsInYear", Requests.number(status.reportsInYear(), language));
            (status.state() == ReportingStatus.State.OVERDUE ? overdue : regular).add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("overdue", overdue);
        model.put("regular", regular);
        model.put("today", Dates.date(monitoring.today(), language));
        pages.render(request, response, 200, "missions/monitoring-dashboard", model);
    }

    private void mission(HttpServletRequest request, HttpServletResponse response, Mission m, int status, Map<String, String> input,
            Map<String, String> errors) throws IOException, SQLException {
        Language language = pages.language(request);
        List<Map<String, Object>> calendar = new ArrayList<>();
        for (Map.Entry<YearMonth, Integer> month : monitoring.calendar(m).entrySet()) {
            calendar.add(Map.of("month", month.getKey().toString(), "label", monthLabel(month.getKey(), language), "count", month.getValue(), "shown",
                    Requests.number(month.getValue(), language)));
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (Evaluation e : monitoring.evaluations(m)) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", e.id());
            row.put("period", e.period());
            row.put("on", Dates.date(e.evaluatedOn(), language));
            row.put("evaluator", e.evaluator());
            row.put("comments", e.comments());
            row.put("approved", e.approved());
            row.put("version", e.version());
            row.put("administrative", decimal(e.average(Criterion.Kind.ADMINISTRATIVE), language));
            row.put("substantive", decimal(e.average(Criterion.Kind.SUBSTANTIVE), language));
            List<Map<String, Object>> scores = new ArrayList<>();
            e.scores().forEach((criterion, score) -> scores.add(Map.of("criterion", criterion.name(), "score", Requests.number(score.value(), language),
                    "comment", score.comment() == null ? "" : score.comment())));
            row.put("scores", scores);
            history.add(row);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("m", Map.of("id", m.id(), "code", m.code(), "name", m.nameIn(language), "every", m.reportEveryDays()));
        model.put("calendar", calendar);
        model.put("evaluations", history);
        model.put("criteria", java.util.Arrays.stream(Criterion.values()).map(c -> Map.of("name", c.name(), "kind", c.kind().name())).toList());
        model.put("input", input);
        model.put("errors", errors);
        model.put("canWrite", user.isPermitted(MissionsPlugin.MONITORING_WRITE) && sync.owns(NodeRole.HQ));
        model.put("canApprove", user.isPermitted(MissionsPlugin.MONITORING_APPROVE) && sync.owns(NodeRole.HQ));
        model.put("fromHq", !sync.owns(NodeRole.HQ));
        model.put("todayIso", monitoring.today().toString());
        pages.render(request, response, status, "missions/monitoring-mission", model);
    }

    /** One decimal, with the Arabic decimal separator and digits in Arabic. */
    private static String decimal(double value, Language language) {
        String text = String.format(java.util.Locale.ROOT, "%.1f", value);
        return language == Language.AR ? DigitStyle.defaultFor(language).apply(text).replace('.', '\u066B') : text;
    }

    private static String monthLabel(YearMonth month, Language language) {
        return month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, language.locale()) + " "
                + DigitStyle.defaultFor(language).apply(Integer.toString(month.getYear()));
    }
}
