package org.diwan.missions.internal.web;

import java.sql.SQLException;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.i18n.DigitStyle;
import org.diwan.api.i18n.Language;
import org.diwan.api.node.NodeRole;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.monitoring.Criterion;
import org.diwan.missions.internal.monitoring.Evaluation;
import org.diwan.missions.internal.monitoring.MonitoringService;
import org.diwan.missions.internal.monitoring.ReportingStatus;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Monitoring (MIS-3) on the shell's record pages: the list is the dashboard of offices reporting regularly and those
 * overdue, an office's page its reporting calendar and evaluations. An office has no form of its own: evaluations are
 * recorded ({@value #EVALUATIONS}) and approved ({@value #APPROVE}) as actions on its page, at headquarters only (a
 * mission receives its approved evaluations read-only).
 */
@Component(service = {RecordEditor.class, MonitoringRecords.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class MonitoringRecords implements RecordEditor<ReportingStatus> {

    static final String BASE = "/diwan/missions/monitoring";
    static final String EVALUATIONS = "evaluations";
    static final String APPROVE = "approve";
    /** The dashboard's order (most late first, then soonest due): not a column a visitor sorts on. */
    private static final String LATEST_FIRST = "late";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(MissionsPlugin.MONITORING_READ, MissionsPlugin.MONITORING_WRITE)
            .templates("missions/monitoring")
            .columns(Column.plain("mission", "missions.field.mission"), Column.plain("country", "missions.field.country"),
                    Column.plain("lastReport", "missions.monitoring.last"), Column.plain("due", "missions.monitoring.due"),
                    Column.plain("daysLate", "missions.monitoring.late"), Column.plain("reportsInYear", "missions.monitoring.year"))
            .sortedBy(LATEST_FIRST, false)
            // every office on one page: the dashboard is read whole
            .pageSize(RecordPagesSpec.MAX_PAGE_SIZE)
            .actions(new RecordAction(EVALUATIONS, MissionsPlugin.MONITORING_WRITE),
                    RecordAction.onItem(APPROVE, MissionsPlugin.MONITORING_APPROVE))
            .build();

    private final MonitoringService monitoring;
    private final MissionsSync sync;
    private final Countries countries = Countries.standard();

    @Activate
    public MonitoringRecords(@Reference MonitoringService monitoring, @Reference MissionsSync sync) {
        this.monitoring = monitoring;
        this.sync = sync;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    @Override
    public ListPage<ReportingStatus> list(ListQuery query, PageRequest request) throws SQLException {
        List<ReportingStatus> all = monitoring.dashboard();
        int from = Math.min(query.offset(), all.size());
        return new ListPage<>(all.subList(from, Math.min(from + query.size(), all.size())), all.size(), query.page(), query.size());
    }

    /** The office's monitoring; never its {@code edit} page, which it has not (evaluations are actions). */
    @Override
    public Optional<ReportingStatus> find(String id, PageRequest request) throws SQLException {
        return monitoring.status(id);
    }

    @Override
    public String id(ReportingStatus status) {
        return status.mission().id();
    }

    @Override
    public int version(ReportingStatus status) {
        return status.mission().version();
    }

    @Override
    public Map<String, Object> view(ReportingStatus status, PageRequest request) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", status.mission().id());
        row.put("code", status.mission().code());
        row.put("name", status.mission().nameIn(request.language()));
        row.put("mission", status.mission().nameIn(request.language()));
        row.put("country", countries.name(status.mission().country(), request.language()));
        row.put("every", status.mission().reportEveryDays());
        row.put("lastReport", status.lastReport() == null ? null : request.date(status.lastReport()));
        row.put("due", request.date(status.due()));
        row.put("daysLate", status.daysLate());
        row.put("reportsInYear", request.number(status.reportsInYear()));
        row.put("overdue", status.state() == ReportingStatus.State.OVERDUE);
        return row;
    }

    @Override
    public Map<String, String> fields(ReportingStatus status) {
        return Map.of();
    }

    /** The office's reporting calendar over twelve months and its evaluations, newest first. */
    @Override
    public Map<String, Object> details(ReportingStatus status, PageRequest request) throws SQLException {
        Language language = request.language();
        List<Map<String, Object>> calendar = new ArrayList<>();
        for (Map.Entry<YearMonth, Integer> month : monitoring.calendar(status.mission()).entrySet()) {
            calendar.add(Map.of("month", month.getKey().toString(), "label", monthLabel(month.getKey(), language), "count", month.getValue(),
                    "shown", request.number(month.getValue())));
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (Evaluation e : monitoring.evaluations(status.mission())) {
            history.add(evaluation(e, request));
        }
        Map<String, Object> details = new HashMap<>();
        details.put("calendar", calendar);
        details.put("evaluations", history);
        return details;
    }

    /**
     * What the office's page needs besides its record: the criteria, and what this node and visitor may do; on the
     * dashboard the number of offices overdue and regular.
     */
    @Override
    public Map<String, Object> choices(PageRequest request) {
        Map<String, Object> choices = new HashMap<>();
        choices.put("criteria", Arrays.stream(Criterion.values()).map(c -> Map.of("name", c.name(), "kind", c.kind().name())).toList());
        choices.put("kinds", Arrays.stream(Criterion.Kind.values()).map(Enum::name).toList());
        choices.put("canApprove", request.permitted(MissionsPlugin.MONITORING_APPROVE) && sync.owns(NodeRole.HQ));
        choices.put("fromHq", !sync.owns(NodeRole.HQ));
        choices.put("todayIso", monitoring.today().toString());
        if (request.path().isEmpty()) {
            // the dashboard's two headings count the offices in each table
            try {
                List<ReportingStatus> all = monitoring.dashboard();
                long overdue = all.stream().filter(s -> s.state() == ReportingStatus.State.OVERDUE).count();
                choices.put("overdueCount", overdue);
                choices.put("regularCount", all.size() - overdue);
            } catch (SQLException e) {
                throw new IllegalStateException("monitoring unreadable", e);
            }
        }
        return choices;
    }

    /** Evaluations are headquarters' (a mission receives its approved ones): sync never sees two editors. */
    @Override
    public Optional<String> readOnlyHere(Optional<ReportingStatus> record) {
        return sync.owns(NodeRole.HQ) ? Optional.empty() : Optional.of("missions.sync.readOnly");
    }

    /** Records an evaluation of the office, or approves one of its drafts. */
    @Override
    public ActionOutcome act(String action, ReportingStatus status, ActionInput input, PageRequest request) throws SQLException {
        if (action.equals(EVALUATIONS)) {
            Validation v = new Validation();
            return monitoring.evaluate(status.mission(), input.form(), v, request.actor(), request.address()).isPresent()
                    ? new ActionOutcome.DoneAt(status.mission().id(), EVALUATIONS) : ActionOutcome.invalid(v);
        }
        try {
            Optional<Evaluation> approved = monitoring.approve(status.mission(), input.item().orElse(""), version(input.field("version")),
                    request.actor(), request.address());
            return approved.isPresent() ? new ActionOutcome.DoneAt(status.mission().id(), EVALUATIONS)
                    : new ActionOutcome.Refused(404, "error.notfound", List.of(), Map.of());
        } catch (StaleEditException stale) {
            Evaluation now = stale.current(Evaluation.class);
            return new ActionOutcome.Refused(409, "missions.conflict.by", List.of(now.updatedBy(), request.dateTime(now.updatedAt())), Map.of());
        }
    }

    private static Map<String, Object> evaluation(Evaluation e, PageRequest request) {
        Language language = request.language();
        Map<String, Object> row = new HashMap<>();
        row.put("id", e.id());
        row.put("period", e.period());
        row.put("on", request.date(e.evaluatedOn()));
        row.put("evaluator", e.evaluator());
        row.put("comments", e.comments());
        row.put("approved", e.approved());
        row.put("version", e.version());
        row.put("administrative", decimal(e.average(Criterion.Kind.ADMINISTRATIVE), language));
        row.put("substantive", decimal(e.average(Criterion.Kind.SUBSTANTIVE), language));
        List<Map<String, Object>> scores = new ArrayList<>();
        e.scores().forEach((criterion, score) -> scores.add(Map.of("criterion", criterion.name(), "score", request.number(score.value()),
                "comment", score.comment() == null ? "" : score.comment())));
        row.put("scores", scores);
        return row;
    }

    /** One decimal, with the Arabic decimal separator and digits in Arabic. */
    private static String decimal(double value, Language language) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return language == Language.AR ? DigitStyle.defaultFor(language).apply(text).replace('.', '\u066B') : text;
    }

    private static String monthLabel(YearMonth month, Language language) {
        return month.getMonth().getDisplayName(TextStyle.SHORT, language.locale()) + " "
                + DigitStyle.defaultFor(language).apply(Integer.toString(month.getYear()));
    }

    /** The version the approve form was loaded at, or -1 (never a stored version) when absent or not a number. */
    private static int version(String raw) {
        return raw != null && raw.matches("\\d{1,9}") ? Integer.parseInt(raw) : -1;
    }
}
