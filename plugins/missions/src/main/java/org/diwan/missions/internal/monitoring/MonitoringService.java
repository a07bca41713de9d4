package org.diwan.missions.internal.monitoring;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.common.MissionScope;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Monitoring of the offices (MIS-3): who reports regularly, each office's reporting calendar, evaluations. Recording and
 * approving an evaluation write its audit entry and its events for integrators ({@code diwan.events.missions.*}, type
 * {@value #EVENT_TYPE}) in the write's transaction.
 */
@Component(service = MonitoringService.class)
public final class MonitoringService {

    /** The {@code DiwanType} of evaluations' record events. */
    public static final String EVENT_TYPE = "evaluation";
    private static final String DRAFT = "DRAFT";
    private static final String APPROVED = "APPROVED";

    private final MonitoringStore store;
    private final MissionStore missions;
    private final AuditLog audit;
    private final RecordEvents events;
    private final String scope;
    private final Clock clock;

    @Activate
    public MonitoringService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference AuditLog audit,
            @Reference NodeInfo node, @Reference MissionsSync sync, @Reference RecordEvents events) {
        this(new MissionStore(data, Clock.systemUTC(), sync), data, audit, events, MissionScope.of(node), Clock.systemDefaultZone(),
                sync::evaluationApproved);
    }

    /** For tests and other wiring: @param scope the mission code a mission node keeps to, null at headquarters */
    public MonitoringService(MissionStore missions, DataSource data, AuditLog audit, RecordEvents events, String scope, Clock clock,
            ChangeCapture approved) {
        this.missions = missions;
        this.store = new MonitoringStore(data, missions, Clock.systemUTC(), approved);
        this.audit = audit;
        this.events = events;
        this.scope = scope;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<ReportingStatus> dashboard() throws SQLException {
        return store.reporting(today(), scope);
    }

    public Optional<Mission> mission(String id) throws SQLException {
        return missions.get(id).filter(m -> scope == null || scope.equals(m.code()));
    }

    /** One office's reporting status today, if it is in scope (a mission node sees its own office only). */
    public Optional<ReportingStatus> status(String missionId) throws SQLException {
        if (mission(missionId).isEmpty()) {
            return Optional.empty();
        }
        return store.reportingOf(missionId, today());
    }

    public Map<YearMonth, Integer> calendar(Mission mission) throws SQLException {
        return store.reportsPerMonth(mission.id(), YearMonth.from(today()));
    }

    public List<Evaluation> evaluations(Mission mission) throws SQLException {
        return store.evaluations(mission.id());
    }

    /**
     * Records an evaluation from the form: {@code period}, {@code evaluatedOn}, {@code comments}, and per criterion
     * {@code score.<CRITERION>} (1–5, required) and {@code comment.<CRITERION>}.
     */
    public Optional<Evaluation> evaluate(Mission mission, Map<String, String> fields, Validation v, String actor, String address)
            throws SQLException {
        String period = v.requiredLine("period", fields.get("period"), 16);
        LocalDate on = v.date("evaluatedOn", fields.get("evaluatedOn"), true);
        if (on != null && on.isAfter(today())) {
            v.reject("evaluatedOn", "missions.validation.future");
        }
        String comments = v.paragraph("comments", fields.get("comments"), 4000);
        Map<Criterion, Evaluation.Score> scores = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            Integer score = v.number("score." + criterion.name(), fields.get("score." + criterion.name()), Criterion.MIN_SCORE,
                    Criterion.MAX_SCORE, true);
            String comment = v.paragraph("comment." + criterion.name(), fields.get("comment." + criterion.name()), 1000);
            if (score != null) {
                scores.put(criterion, new Evaluation.Score(score, comment));
            }
        }
        if (!v.isValid()) {
            return Optional.empty();
        }
        Evaluation evaluation = store.addEvaluation(mission.id(), period, on, comments, scores, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.evaluation.create", id, mission.code() + " " + period, address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, EVENT_TYPE, id, 1, EventKind.CREATED, actor, clock.instant(),
                    fields(mission, period, on, DRAFT)));
        });
        return Optional.of(evaluation);
    }

    /**
     * Approves a draft evaluation of {@code mission}, if it is still at {@code version}.
     *
     * @return the evaluation approved; empty when {@code mission} has no evaluation {@code evaluationId}
     * @throws StaleEditException with the evaluation as it is now when it changed since {@code version} or is approved already
     */
    public Optional<Evaluation> approve(Mission mission, String evaluationId, int version, String actor, String address)
            throws SQLException, StaleEditException {
        Optional<Evaluation> evaluation = store.evaluations(mission.id()).stream().filter(e -> e.id().equals(evaluationId)).findFirst();
        if (evaluation.isEmpty()) {
            return Optional.empty();
        }
        Evaluation draft = evaluation.get();
        return Optional.of(store.approve(evaluationId, version, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.evaluation.approve", id, mission.code(), address));
            Map<String, Object> fields = fields(mission, draft.period(), draft.evaluatedOn(), APPROVED);
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, EVENT_TYPE, id, version + 1L, EventKind.CHANGED, actor, clock.instant(), fields));
            events.publish(c, RecordEvent.stateChanged(MissionsPlugin.ID, EVENT_TYPE, id, version + 1L, DRAFT, APPROVED, actor, clock.instant(),
                    fields));
        }));
    }

    /** What integrators read of an evaluation: which office, which period, its state; never its scores or comments. */
    private static Map<String, Object> fields(Mission mission, String period, LocalDate on, String status) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("missionId", mission.id());
        fields.put("missionCode", mission.code());
        fields.put("period", period);
        fields.put("evaluatedOn", on.toString());
        fields.put("status", status);
        return fields;
    }
}
