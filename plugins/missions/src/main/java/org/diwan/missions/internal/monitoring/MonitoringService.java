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
import org.diwan.api.node.NodeInfo;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.common.ChangeCapture;
import org.diwan.missions.internal.common.MissionScope;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Monitoring of the offices (MIS-3): who reports regularly, each office's reporting calendar, evaluations. */
@Component(service = MonitoringService.class)
public final class MonitoringService {

    private final MonitoringStore store;
    private final MissionStore missions;
    private final AuditLog audit;
    private final String scope;
    private final Clock clock;

    @Activate
    public MonitoringService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference AuditLog audit,
            @Reference NodeInfo node, @Reference MissionsSync sync) {
        this(new MissionStore(data, Clock.systemUTC(), sync), data, audit, MissionScope.of(node), Clock.systemDefaultZone(), sync::evaluationApproved);
    }

    MonitoringService(MissionStore missions, DataSource data, AuditLog audit, String scope, Clock clock, ChangeCapture approved) {
        this.missions = missions;
        this.store = new MonitoringStore(data, missions, Clock.systemUTC(), approved);
        this.audit = audit;
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
        Evaluation evaluation = store.addEvaluation(mission.id(), period, on, comments, scores, actor, (c, id) -> audit.record(c,
                new AuditEntry(clock.instant(), actor, "missions.evaluation.create", id, mission.code() + " " + period, address)));
        return Optional.of(evaluation);
    }

    public void approve(Mission mission, String evaluationId, int version, String actor, String address) throws SQLException, StaleEditException {
        if (store.evaluations(mission.id()).stream().noneMatch(e -> e.id().equals(evaluationId))) {
            throw new StaleEditException(evaluationId, -1, null);
        }
        store.approve(evaluationId, version, actor,
                (c, id) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.evaluation.approve", id, mission.code(), address)));
    }
}
