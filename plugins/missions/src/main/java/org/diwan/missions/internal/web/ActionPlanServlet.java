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
import org.diwan.api.pdf.PdfException;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.plan.ActionPlan;
import org.diwan.missions.internal.plan.ActionPlanService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The annual plan of action (MIS-6): objectives with their tasks and progress, the forms to add objectives and
 * tasks and to record progress, the recommendations, and the report as PDF ({@code /<year>/report.pdf}).
 */
@Component(service = Servlet.class, property = "diwan.plugin=" + MissionsPlugin.ID)
@HttpWhiteboardServletPattern("/diwan/missions/plan/*")
@HttpWhiteboardServletName("missions-plan")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=diwan)")
public final class ActionPlanServlet extends DepartmentServlet {

    private static final long serialVersionUID = 1L;
    private static final String BASE = "/diwan/missions/plan";

    private final transient ActionPlanService plans;

    @Activate
    public ActionPlanServlet(@Reference ActionPlanService plans, @Reference CurrentUser user, @Reference Pages pages, @Reference Messages messages) {
        super(user, pages, messages);
        this.plans = plans;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.PLAN_READ)) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        try {
            Optional<Integer> year = path.isEmpty() ? Optional.of(plans.today().getYear()) : year(path.get(0));
            if (year.isEmpty() || path.size() > 2 || (path.size() == 2 && !path.get(1).equals("report.pdf"))) {
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
                return;
            }
            ActionPlan plan = plans.forYear(year.get(), actor());
            if (path.size() == 2) {
                byte[] pdf = plans.reportPdf(plan, pages.language(request));
                sendDocument(response, "application/pdf", "plan-" + plan.year() + ".pdf", pdf.length, new java.io.ByteArrayInputStream(pdf));
                return;
            }
            page(request, response, plan, 200, Map.of(), Map.of(), null);
        } catch (SQLException | PdfException e) {
            throw new ServletException("plan of action unreadable", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!pages.permitted(request, response, MissionsPlugin.PLAN_WRITE) || !editableHere(request, response, plans.keptHere())) {
            return;
        }
        List<String> path = pages.resolve(request).path();
        Optional<Integer> year = path.size() >= 2 ? year(path.get(0)) : Optional.empty();
        if (year.isEmpty()) {
            pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
            return;
        }
        Map<String, String> f = pages.resolve(request).params();
        Validation v = new Validation();
        Language language = pages.language(request);
        try {
            ActionPlan plan = plans.forYear(year.get(), actor());
            if (plan.id() == null) {
                // a year headquarters keeps no plan for (far past or future): nothing to write to
                pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
                return;
            }
            boolean done;
            try {
                done = switch (path.size() == 2 ? path.get(1) : path.get(1) + "/") {
                    case "objectives" -> plans.addObjective(plan, f, v, actor(), user.address()).isPresent();
                    case "tasks" -> plans.addTask(plan, f, v, actor(), user.address()).isPresent();
                    case "tasks/" -> path.size() == 3 && plans.progress(plan, path.get(2), f, v, actor(), user.address());
                    case "recommendations" -> plans.recommendations(plan, f, v, actor(), user.address());
                    default -> {
                        pages.error(request, response, HttpServletResponse.SC_NOT_FOUND, "error.notfound");
                        yield true;
                    }
                };
            } catch (StaleEditException stale) {
                page(request, response, plans.forYear(year.get(), actor()), HttpServletResponse.SC_CONFLICT, f, Map.of(),
                        messages.get("missions.conflict", language));
                return;
            }
            if (response.isCommitted()) {
                return;
            }
            if (done) {
                response.sendRedirect(BASE + "/" + plan.year() + "?saved=1");
            } else {
                page(request, response, plan, 422, f, messages.fieldErrors(v.errors(), language), null);
            }
        } catch (SQLException e) {
            throw new ServletException("plan of action not saved", e);
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, ActionPlan plan, int status, Map<String, String> input,
            Map<String, String> errors, String problem) throws IOException {
        Language language = pages.language(request);
        List<Map<String, Object>> objectives = new ArrayList<>();
        for (ActionPlan.Objective o : plan.objectives()) {
            List<Map<String, Object>> tasks = new ArrayList<>();
            for (ActionPlan.Task t : o.tasks()) {
                tasks.add(Map.of("id", t.id(), "title", t.title(), "owner", t.owner(), "deadline", Dates.day(t.deadline(), language),
                        "progress", t.progress(), "shown", Requests.number(t.progress(), language) + "%", "note", t.note() == null ? "" : t.note(), "version", t.version(), "late", t.isLate(plans.today())));
            }
            objectives.add(Map.of("id", o.id(), "title", o.title(), "progress", Requests.number(o.progress(), language) + "%", "tasks", tasks));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("year", plan.year());
        model.put("version", plan.version());
        model.put("progress", Requests.number(plan.progress(), language) + "%");
        model.put("late", plan.lateTasks(plans.today()).size());
        model.put("recommendations", input.getOrDefault("recommendations", plan.recommendations() == null ? "" : plan.recommendations()));
        model.put("objectives", objectives);
        model.put("input", input);
        model.put("errors", errors);
        model.put("problem", problem);
        model.put("saved", request.getParameter("saved") != null);
        model.put("canWrite", user.isPermitted(MissionsPlugin.PLAN_WRITE) && plans.keptHere() && plan.id() != null);
        model.put("fromHq", !plans.keptHere());
        pages.render(request, response, status, "missions/action-plan", model);
    }
}
