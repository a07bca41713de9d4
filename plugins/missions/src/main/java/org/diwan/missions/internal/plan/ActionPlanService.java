package org.diwan.missions.internal.plan;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.node.NodeRole;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.pdf.PdfRenderer;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.common.QueryParams;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.common.Xhtml;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The annual plan of action (MIS-6): objectives, tasks and their progress, and its report as PDF. */
@Component(service = ActionPlanService.class)
public final class ActionPlanService {

    private final ActionPlanStore store;
    private final MissionsSync sync;
    private final AuditLog audit;
    private final Messages messages;
    private final PdfRenderer pdf;
    private final Clock clock = Clock.systemDefaultZone();

    @Activate
    public ActionPlanService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference AuditLog audit,
            @Reference Messages messages, @Reference PdfRenderer pdf, @Reference MissionsSync sync) {
        this.store = new ActionPlanStore(data, Clock.systemUTC(),
                new ActionPlanStore.Captures(sync::planChanged, sync::planObjectiveChanged, sync::planTaskChanged));
        this.sync = sync;
        this.audit = audit;
        this.messages = messages;
        this.pdf = pdf;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether plans are made and edited on this node: headquarters' only; a mission receives them. */
    public boolean keptHere() {
        return sync.owns(NodeRole.HQ);
    }

    /**
     * The year's plan. Headquarters makes it empty the first time it is asked for, for last year, this year and next
     * year only: opening an old or far year must not make (and send every mission) an empty plan. Otherwise, and on
     * a mission (one made here would clash with headquarters' plan for the year), what is stored, or an empty plan
     * without an id, which cannot be written to.
     */
    public ActionPlan forYear(int year, String actor) throws SQLException {
        int thisYear = today().getYear();
        if (keptHere() && year >= thisYear - 1 && year <= thisYear + 1) {
            return store.forYear(year, actor);
        }
        return store.find(year).orElse(new ActionPlan(null, year, null, List.of(), 0));
    }

    public Optional<String> addObjective(ActionPlan plan, Map<String, String> f, Validation v, String actor, String address) throws SQLException {
        String title = v.requiredLine("objective", f.get("objective"), 300);
        if (!v.isValid()) {
            return Optional.empty();
        }
        String id = store.addObjective(plan, title,
                (c, added) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.plan.objective", added, plan.year() + " " + title, address)));
        return Optional.of(id);
    }

    public Optional<String> addTask(ActionPlan plan, Map<String, String> f, Validation v, String actor, String address) throws SQLException {
        String objective = f.get("objectiveId");
        if (plan.objectives().stream().noneMatch(o -> o.id().equals(objective))) {
            v.reject("objectiveId", "validation.choice");
        }
        String title = v.requiredLine("task", f.get("task"), 300);
        String owner = v.requiredLine("owner", f.get("owner"), 100);
        LocalDate deadline = v.date("deadline", f.get("deadline"), true);
        if (!v.isValid()) {
            return Optional.empty();
        }
        String id = store.addTask(objective, title, owner, deadline, actor,
                (c, added) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.plan.task", added, title, address)));
        return Optional.of(id);
    }

    public boolean progress(ActionPlan plan, String taskId, Map<String, String> f, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        boolean known = plan.objectives().stream().flatMap(o -> o.tasks().stream()).anyMatch(t -> t.id().equals(taskId));
        Integer progress = v.number("progress", f.get("progress"), 0, 100, true);
        String note = v.paragraph("note", f.get("note"), 2000);
        if (!known || !v.isValid()) {
            return false;
        }
        store.progress(taskId, QueryParams.number(f.get("version"), -1), progress, note, actor,
                (c, id) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.plan.progress", id, progress + "%", address)));
        return true;
    }

    public boolean recommendations(ActionPlan plan, Map<String, String> f, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        String text = v.paragraph("recommendations", f.get("recommendations"), 8000);
        if (!v.isValid()) {
            return false;
        }
        store.recommendations(plan, QueryParams.number(f.get("version"), -1), text, actor, (c, id) -> audit.record(c,
                new AuditEntry(clock.instant(), actor, "missions.plan.recommendations", id, Integer.toString(plan.year()), address)));
        return true;
    }

    /** The report for the Assistant Secretary-General: objectives, tasks, progress, late tasks, recommendations. */
    public byte[] reportPdf(ActionPlan plan, Language language) throws PdfException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.render(reportXhtml(plan, language), out);
        return out.toByteArray();
    }

    String reportXhtml(ActionPlan plan, Language language) {
        DigitStyle digits = DigitStyle.defaultFor(language);
        LocalDate today = today();
        StringBuilder html = new StringBuilder(8192);
        String title = messages.get("missions.plan.report-title", language, digits.apply(Integer.toString(plan.year())));
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(language.tag())
                .append("\" dir=\"").append(language.direction()).append("\"><head><meta charset=\"UTF-8\"/><title>").append(Xhtml.escape(title))
                .append("</title><style>body { font-size: 10.5pt; } h1 { color: #0b6e4f; font-size: 18pt; } table { width: 100%;"
                        + " border-collapse: collapse; } th, td { border: 1px solid #d5dde4; padding: 4px; text-align: start; }"
                        + " .late { color: #a4161a; } @page { size: A4; margin: 1.8cm; }</style></head><body>");
        html.append("<h1>").append(Xhtml.escape(title)).append("</h1>");
        html.append("<p>").append(Xhtml.escape(messages.get("missions.plan.overall", language, digits.apply(plan.progress() + "%")))).append("</p>");
        for (ActionPlan.Objective objective : plan.objectives()) {
            html.append("<h2>").append(Xhtml.escape(objective.title())).append(" — ").append(digits.apply(objective.progress() + "%")).append("</h2>");
            if (objective.tasks().isEmpty()) {
                continue;
            }
            html.append("<table><tr><th>").append(Xhtml.escape(messages.get("missions.plan.task", language))).append("</th><th>")
                    .append(Xhtml.escape(messages.get("missions.plan.owner", language))).append("</th><th>")
                    .append(Xhtml.escape(messages.get("missions.plan.deadline", language))).append("</th><th>")
                    .append(Xhtml.escape(messages.get("missions.plan.progress", language))).append("</th></tr>");
            for (ActionPlan.Task task : objective.tasks()) {
                html.append("<tr").append(task.isLate(today) ? " class=\"late\"" : "").append("><td>").append(Xhtml.escape(task.title()))
                        .append("</td><td>").append(Xhtml.escape(task.owner())).append("</td><td>")
                        .append(digits.apply(task.deadline().toString())).append("</td><td>").append(digits.apply(task.progress() + "%"))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>").append(Xhtml.escape(messages.get("missions.plan.recommendations", language))).append("</h2><p>")
                .append(Xhtml.escape(plan.recommendations() == null ? "—" : plan.recommendations())).append("</p></body></html>");
        return html.toString();
    }
}
