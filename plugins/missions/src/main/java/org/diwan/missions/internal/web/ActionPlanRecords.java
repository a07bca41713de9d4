package org.diwan.missions.internal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.i18n.Language;
import org.diwan.api.pdf.PdfException;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.plan.ActionPlan;
import org.diwan.missions.internal.plan.ActionPlanService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The annual plan of action (MIS-6) on the shell's record pages. A plan answers under its year
 * ({@code /diwan/missions/plan/2026}); its form is its recommendations; adding an objective, adding a task and
 * recording a task's progress are its actions; its report for the Assistant Secretary-General is the file
 * {@code /<year>/pdf/<language>}. Headquarters keeps the plans, a mission reads the copy it receives.
 */
@Component(service = {RecordEditor.class, ActionPlanRecords.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class ActionPlanRecords implements RecordEditor<ActionPlan> {

    static final String BASE = "/diwan/missions/plan";
    static final String OBJECTIVES = "objectives";
    static final String TASKS = "tasks";
    static final String PDF = "pdf";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(MissionsPlugin.PLAN_READ, MissionsPlugin.PLAN_WRITE)
            .templates("missions/action-plan")
            .columns(Column.plain("year", "missions.plan.year"), Column.plain("progress", "missions.plan.progress"),
                    Column.plain("late", "missions.plan.late-column"))
            .sortedBy("year", true)
            .formFields("recommendations")
            .actions(new RecordAction(OBJECTIVES, MissionsPlugin.PLAN_WRITE), new RecordAction(TASKS, MissionsPlugin.PLAN_WRITE),
                    RecordAction.onItem(TASKS, MissionsPlugin.PLAN_WRITE))
            .files(PDF)
            .build();

    private final ActionPlanService plans;

    @Activate
    public ActionPlanRecords(@Reference ActionPlanService plans) {
        this.plans = plans;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    /** The plans kept here, latest year first: few enough (one a year) for one page. */
    @Override
    public ListPage<ActionPlan> list(ListQuery query, PageRequest request) throws SQLException {
        List<ActionPlan> all = plans.plans(request.actor());
        int from = Math.min(all.size(), query.page() * query.size());
        return new ListPage<>(all.subList(from, Math.min(all.size(), from + query.size())), all.size(), query.page(), query.size());
    }

    @Override
    public Optional<ActionPlan> find(String id, PageRequest request) throws SQLException {
        Optional<Integer> year = year(id);
        return year.isEmpty() ? Optional.empty() : Optional.of(plans.forYear(year.get(), request.actor()));
    }

    @Override
    public String id(ActionPlan plan) {
        return Integer.toString(plan.year());
    }

    @Override
    public int version(ActionPlan plan) {
        return plan.version();
    }

    @Override
    public Map<String, Object> view(ActionPlan plan, PageRequest request) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", id(plan));
        view.put("year", plan.year());
        view.put("stored", plan.stored());
        view.put("version", plan.version());
        view.put("progress", request.number(plan.progress()) + "%");
        view.put("late", request.number(plan.lateTasks(plans.today()).size()));
        view.put("lateCount", plan.lateTasks(plans.today()).size());
        view.put("recommendations", plan.recommendations() == null ? "" : plan.recommendations());
        return view;
    }

    @Override
    public Map<String, Object> details(ActionPlan plan, PageRequest request) {
        List<Map<String, Object>> objectives = new ArrayList<>();
        for (ActionPlan.Objective o : plan.objectives()) {
            List<Map<String, Object>> tasks = new ArrayList<>();
            for (ActionPlan.Task t : o.tasks()) {
                Map<String, Object> task = new HashMap<>();
                task.put("id", t.id());
                task.put("title", t.title());
                task.put("owner", t.owner());
                task.put("deadline", request.day(t.deadline()));
                task.put("progress", t.progress());
                task.put("shown", request.number(t.progress()) + "%");
                task.put("note", t.note() == null ? "" : t.note());
                task.put("version", t.version());
                task.put("late", t.isLate(plans.today()));
                tasks.add(task);
            }
            objectives.add(Map.of("id", o.id(), "title", o.title(), "progress", request.number(o.progress()) + "%", "tasks", tasks));
        }
        return Map.of("objectives", objectives, "fromHq", !plans.keptHere(), "language", request.language().tag());
    }

    @Override
    public Map<String, String> fields(ActionPlan plan) {
        return Map.of("recommendations", plan.recommendations() == null ? "" : plan.recommendations());
    }

    /** Plans are made by year, never from a form: {@code new} is refused by {@link #readOnlyHere}. */
    @Override
    public Outcome<ActionPlan> create(Map<String, String> fields, PageRequest request) {
        throw new UnsupportedOperationException("plans are made by year");
    }

    /** The recommendations reported to the Assistant Secretary-General. */
    @Override
    public Outcome<ActionPlan> update(ActionPlan plan, int version, Map<String, String> fields, PageRequest request) throws SQLException {
        if (!plan.stored()) {
            return Outcome.invalid("recommendations", "missions.plan.none");
        }
        Validation v = new Validation();
        try {
            return plans.recommendations(plan, version, fields, v, request.actor(), request.address())
                    ? Outcome.saved(plans.forYear(plan.year(), request.actor())) : Outcome.invalid(v);
        } catch (StaleEditException stale) {
            return Outcome.stale(stale, ActionPlan.class);
        }
    }

    @Override
    public Optional<String> readOnlyHere(Optional<ActionPlan> plan) {
        if (!plans.keptHere()) {
            return Optional.of("missions.sync.readOnly");
        }
        return plan.isEmpty() ? Optional.of("missions.plan.no-new") : Optional.empty();
    }

    /** An objective, a task, or a task's progress; a year without a plan here has nothing to write to (404). */
    @Override
    public ActionOutcome act(String action, ActionPlan plan, ActionInput input, PageRequest request) throws SQLException {
        if (!plan.stored()) {
            return new ActionOutcome.Refused(404, "error.notfound", List.of(), Map.of());
        }
        Validation v = new Validation();
        if (input.item().isPresent()) {
            return progress(plan, input, request, v);
        }
        boolean done = action.equals(OBJECTIVES)
                ? plans.addObjective(plan, input.form(), v, request.actor(), request.address()).isPresent()
                : plans.addTask(plan, input.form(), v, request.actor(), request.address()).isPresent();
        return done ? ActionOutcome.done(id(plan)) : ActionOutcome.invalid(v);
    }

    private ActionOutcome progress(ActionPlan plan, ActionInput input, PageRequest request, Validation v) throws SQLException {
        Optional<ActionPlan.Task> task = plan.tasks().stream().filter(t -> t.id().equals(input.item().get())).findFirst();
        if (task.isEmpty()) {
            return new ActionOutcome.Refused(404, "error.notfound", List.of(), Map.of());
        }
        try {
            return plans.progress(plan, task.get(), version(input.field("version")), input.form(), v, request.actor(), request.address())
                    ? ActionOutcome.done(id(plan)) : ActionOutcome.invalid(v);
        } catch (StaleEditException stale) {
            ActionPlan.Task now = stale.current(ActionPlan.Task.class);
            return new ActionOutcome.Refused(409, "missions.conflict.by", List.of(now.updatedBy(), request.dateTime(now.updatedAt())), Map.of());
        }
    }

    /** The report in the language its name asks for ({@code pdf/ar}), rendered when it is sent. */
    @Override
    public Optional<RecordFile> file(ActionPlan plan, String files, String fileId, PageRequest request) {
        Optional<Language> language = Language.fromTag(fileId).filter(l -> l.tag().equals(fileId));
        return language.map(l -> new RecordFile() {
            @Override
            public String mediaType() {
                return "application/pdf";
            }

            @Override
            public String fileName() {
                return "plan-" + plan.year() + "-" + l.tag() + ".pdf";
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public InputStream open() throws IOException {
                try {
                    return new ByteArrayInputStream(plans.reportPdf(plan, l));
                } catch (PdfException e) {
                    throw new IOException("plan of action " + plan.year() + " not rendered", e);
                }
            }
        });
    }

    /** A year as a page's id: four digits within the years Diwan's records hold. */
    static Optional<Integer> year(String raw) {
        if (!raw.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(raw);
        return year < 1900 || year > 2200 ? Optional.empty() : Optional.of(year);
    }

    private static int version(String raw) {
        return raw != null && raw.matches("\\d{1,9}") ? Integer.parseInt(raw) : -1;
    }
}
