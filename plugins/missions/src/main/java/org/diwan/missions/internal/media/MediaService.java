package org.diwan.missions.internal.media;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.common.MissionScope;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The media plan abroad (MIS-7): activities planned per office and year, then reported. */
@Component(service = MediaService.class)
public final class MediaService {

    private static final Set<String> KINDS = Arrays.stream(MediaActivity.Kind.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> STATUSES = Arrays.stream(MediaActivity.Status.values()).map(Enum::name).collect(Collectors.toSet());

    private final MediaStore store;
    private final MissionStore missions;
    private final AuditLog audit;
    private final String scope;
    private final Clock clock = Clock.systemDefaultZone();

    @Activate
    public MediaService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference AuditLog audit, @Reference NodeInfo node,
            @Reference MissionsSync sync) {
        this.store = new MediaStore(data, Clock.systemUTC(), sync::mediaActivityChanged);
        this.missions = new MissionStore(data, Clock.systemUTC(), sync);
        this.audit = audit;
        this.scope = MissionScope.of(node);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<MediaActivity> year(int year, String missionId) throws SQLException {
        return store.year(year, missionId == null || missionId.isBlank() ? null : missionId, scope);
    }

    public Map<String, Map<MediaActivity.Status, Integer>> summary(List<MediaActivity> activities) {
        return store.summary(activities);
    }

    public Optional<MediaActivity> get(String id) throws SQLException {
        return store.get(id, scope);
    }

    /** Plans an activity from {@code mission}, {@code kind}, {@code title}, {@code plannedOn}. */
    public Optional<String> plan(Map<String, String> f, Validation v, String actor, String address) throws SQLException {
        String missionId = v.requiredLine("mission", f.get("mission"), 36);
        if (missionId != null && missions.get(missionId).filter(m -> scope == null || scope.equals(m.code())).isEmpty()) {
            v.reject("mission", "missions.validation.mission");
        }
        String kind = v.choice("kind", f.get("kind"), KINDS, true);
        String title = v.requiredLine("title", f.get("title"), 300);
        LocalDate plannedOn = v.date("plannedOn", f.get("plannedOn"), true);
        if (!v.isValid()) {
            return Optional.empty();
        }
        String id = store.plan(missionId, MediaActivity.Kind.valueOf(kind), title, plannedOn, actor,
                (c, planned) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.media.plan", planned, title, address)));
        return Optional.of(id);
    }

    /** Reports on an activity from {@code status}, {@code heldOn} (required when done), {@code audience}, {@code report}. */
    public boolean report(MediaActivity activity, int version, Map<String, String> f, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        String status = v.choice("status", f.get("status"), STATUSES, true);
        boolean done = MediaActivity.Status.DONE.name().equals(status);
        LocalDate heldOn = v.date("heldOn", f.get("heldOn"), done);
        if (heldOn != null && heldOn.isAfter(today())) {
            v.reject("heldOn", "missions.validation.future");
        }
        Integer audience = v.number("audience", f.get("audience"), 0, 10_000_000, false);
        String report = v.paragraph("report", f.get("report"), 4000);
        if (!v.isValid()) {
            return false;
        }
        store.report(activity.id(), version, MediaActivity.Status.valueOf(status), heldOn, audience, report, actor,
                (c, id) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.media.report", id, status, address)));
        return true;
    }
}
