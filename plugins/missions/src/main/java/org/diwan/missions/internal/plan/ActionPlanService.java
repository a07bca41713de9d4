package org.diwan.missions.internal.plan;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.i18n.Messages;
import org.diwan.api.node.NodeRole;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.pdf.PdfRenderer;
import org.diwan.api.validation.Validation;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.Xhtml;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The annual plan of action (MIS-6): objectives, tasks and their progress, and its report as PDF. Every write records
 * its audit entry and its event for integrators ({@code diwan.events.missions.*}, types {@code action-plan},
 * {@code plan-objective}, {@code plan-task}) in the write's transaction, before the sync capture.
 */
@Component(service = ActionPlanService.class)
public final class ActionPlanService {

    static final String PLAN = "action-plan";
    static final String OBJECTIVE = "plan-objective";
    static final String TASK = "plan-task";

    private final ActionPlanStore store;
    private final MissionsSync sync;
    private final AuditLog audit;
    private final RecordEvents events;
    private final Messages messages;
    private final PdfRenderer pdf;
    private final Clock clock;

    @Activate
    public ActionPlanService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference AuditLog audit,
            @Reference Messages messages, @Reference PdfRenderer pdf, @Reference MissionsSync sync, @Reference RecordEvents events) {
        this(new ActionPlanStore(data, Clock.systemUTC(),
                new ActionPlanStore.Captures(sync::planChanged, sync::planObjectiveChanged, sync::planTaskChanged)),
                sync, audit, events, messages, pdf, Clock.systemDefaultZone());
    }

    /** The service over a store of its own: how a test builds it, with a clock of its choosing. */
    public ActionPlanService(ActionPlanStore store, MissionsSync sync, AuditLog audit, RecordEvents events, Messages messages, PdfRenderer pdf,
            Clock clock) {
        this.store = store;
        this.sync = sync;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.pdf = pdf;
        this.clock = clock;
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
            return store.forYear(year, actor, (c, id) -> events.publish(c, RecordEvent.of(MissionsPlugin.ID, PLAN, id, 1, EventKind.CREATED,
                    actor, clock.instant(), planFields(year))));
        }
        return store.find(year).orElse(ActionPlan.none(year));
    }

    /** The years with a plan here, latest first, with this year's (and its neighbours') made at headquarters. */
    public List<ActionPlan> plans(String actor) throws SQLException {
        forYear(today().getYear(), actor);
        List<ActionPlan> plans = new ArrayList<>();
        for (int year : store.years()) {
            store.find(year).ifPresent(plans::add);
        }
        return plans;
    }

    public Optional<String> addObjective(ActionPlan plan, Map<String, String> f, Validation v, String actor, String address) throws SQLException {
        String title = v.requiredLine("objective", f.get("objective"), 300);
        if (!v.isValid()) {
            return Optional.empty();
        }
        String id = store.addObjective(plan, title, (c, added) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.plan.objective", added, plan.year() + " " + title, address));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("year", plan.year());
            fields.put("title", title);
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, OBJECTIVE, added, 1, EventKind.CREATED, actor, clock.instant(), fields));
        });
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
        String id = store.addTask(objective, title, owner, deadline, actor, (c, added) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.plan.task", added, title, address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, TASK, added, 1, EventKind.CREATED, actor, clock.instant(),
                    taskFields(plan.year(), objective, title, deadline, 0)));
        });
        return Optional.of(id);
    }

    /**
     * Records a task's progress, made from {@code version}: false with the refusals in {@code v}.
     *
     * @throws StaleEditException carrying the task as it is now, when it was saved since {@code version}
     */
    public boolean progress(ActionPlan plan, ActionPlan.Task task, int version, Map<String, String> f, Validation v, String actor,
            String address) throws SQLException, StaleEditException {
        Integer progress = v.number("progress", f.get("progress"), 0, 100, true);
        String note = v.paragraph("note", f.get("note"), 2000);
        if (!v.isValid()) {
            return false;
        }
        store.progress(task.id(), version, progress, note, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.plan.progress", id, progress + "%", address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, TASK, id, version + 1L, EventKind.CHANGED, actor, clock.instant(),
                    taskFields(plan.year(), task.objectiveId(), task.title(), task.deadline(), progress)));
        });
        return true;
    }

    /**
     * Saves the plan's recommendations, made from {@code version}: false with the refusals in {@code v}.
     *
     * @throws StaleEditException carrying the plan as it is now, when it was saved since {@code version}
     */
    public boolean recommendations(ActionPlan plan, int version, Map<String, String> f, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        String text = v.paragraph("recommendations", f.get("recommendations"), 8000);
        if (!v.isValid()) {
            return false;
        }
        store.recommendations(plan, version, text, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.plan.recommendations", id, Integer.toString(plan.year()), address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, PLAN, id, version + 1L, EventKind.CHANGED, actor, clock.instant(),
                    planFields(plan.year())));
        });
        return true;
    }

    /** The plan's event body: its year (the recommendations are for the Assistant Secretary-General, not the bus). */
    private static Map<String, Object> planFields(int year) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("year", year);
        return fields;
    }

    /** A task's event body: not its owner (a member of staff) nor its note. */
    private static Map<String, Object> taskFields(int year, String objectiveId, String title, LocalDate deadline, int progress) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("year", year);
        fields.put("objectiveId", objectiveId);
        fields.put("title", title);
        fields.put("deadline", deadline.toString());
        fields.put("progress", progress);
        return fields;
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
