package org.diwan.missions.internal.media;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.common.MissionScope;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.sync.MissionsSync;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The media plan abroad (MIS-7): activities planned per office and year, then reported. Each plan and report writes
 * its audit entry and its events for integrators ({@code diwan.events.missions.*}, type {@value #EVENT_TYPE}) in the
 * write's transaction.
 */
@Component(service = MediaService.class)
public final class MediaService {

    /** The {@code DiwanType} of the media plan's record events. */
    public static final String EVENT_TYPE = "media-activity";

    private static final Set<String> KINDS = Arrays.stream(MediaActivity.Kind.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> STATUSES = Arrays.stream(MediaActivity.Status.values()).map(Enum::name).collect(Collectors.toSet());

    private final MediaStore store;
    private final MissionStore missions;
    private final AuditLog audit;
    private final RecordEvents events;
    private final String scope;
    private final Clock clock;

    @Activate
    public MediaService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference AuditLog audit, @Reference NodeInfo node,
            @Reference MissionsSync sync, @Reference RecordEvents events) {
        this(new MediaStore(data, Clock.systemUTC(), sync::mediaActivityChanged), new MissionStore(data, Clock.systemUTC(), sync), audit, events,
                MissionScope.of(node), Clock.systemDefaultZone());
    }

    /** For tests and other wiring: @param scope the mission code a mission node keeps to, null at headquarters */
    public MediaService(MediaStore store, MissionStore missions, AuditLog audit, RecordEvents events, String scope, Clock clock) {
        this.store = store;
        this.missions = missions;
        this.audit = audit;
        this.events = events;
        this.scope = scope;
        this.clock = clock;
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

    /** The code of the one office a mission node plans for; empty at headquarters, which plans for every office. */
    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    /** Plans an activity from {@code mission}, {@code kind}, {@code title}, {@code plannedOn}. */
    public Optional<MediaActivity> plan(Map<String, String> f, Validation v, String actor, String address) throws SQLException {
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
        MediaActivity.Kind k = MediaActivity.Kind.valueOf(kind);
        String id = store.plan(missionId, k, title, plannedOn, actor, (c, planned) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.media.plan", planned, title, address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, EVENT_TYPE, planned, 1, EventKind.CREATED, actor, clock.instant(),
                    fields(missionId, k, title, plannedOn, MediaActivity.Status.PLANNED, null, null)));
        });
        return store.get(id, null);
    }

    /**
     * Reports on an activity from {@code status}, {@code heldOn} (required when done), {@code audience}, {@code report}.
     *
     * @return the activity as reported, or empty with the refusals in {@code v}
     * @throws StaleEditException with the activity as it is now when someone reported on it since {@code version}
     */
    public Optional<MediaActivity> report(MediaActivity activity, int version, Map<String, String> f, Validation v, String actor,
            String address) throws SQLException, StaleEditException {
        String status = v.choice("status", f.get("status"), STATUSES, true);
        boolean done = MediaActivity.Status.DONE.name().equals(status);
        LocalDate heldOn = v.date("heldOn", f.get("heldOn"), done);
        if (heldOn != null && heldOn.isAfter(today())) {
            v.reject("heldOn", "missions.validation.future");
        }
        Integer audience = v.number("audience", f.get("audience"), 0, 10_000_000, false);
        String report = v.paragraph("report", f.get("report"), 4000);
        if (!v.isValid()) {
            return Optional.empty();
        }
        MediaActivity.Status to = MediaActivity.Status.valueOf(status);
        // the status before, if the report starts from the stored version (else it is stale and nothing is written)
        MediaActivity.Status before = store.get(activity.id(), null).filter(now -> now.version() == version).map(MediaActivity::status)
                .orElse(null);
        return Optional.of(store.report(activity.id(), version, to, heldOn, audience, report, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.media.report", id, status, address));
            Map<String, Object> fields = fields(activity.missionId(), activity.kind(), activity.title(), activity.plannedOn(), to, heldOn,
                    audience);
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, EVENT_TYPE, id, version + 1L, EventKind.CHANGED, actor, clock.instant(),
                    fields));
            if (before != null && before != to) {
                events.publish(c, RecordEvent.stateChanged(MissionsPlugin.ID, EVENT_TYPE, id, version + 1L, before.name(), to.name(), actor,
                        clock.instant(), fields));
            }
        }));
    }

    /** What integrators read of an activity: never the account written in its report, which may name people. */
    private static Map<String, Object> fields(String missionId, MediaActivity.Kind kind, String title, LocalDate plannedOn,
            MediaActivity.Status status, LocalDate heldOn, Integer audience) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("missionId", missionId);
        fields.put("kind", kind.name());
        fields.put("title", title);
        fields.put("plannedOn", plannedOn.toString());
        fields.put("status", status.name());
        fields.put("heldOn", heldOn == null ? null : heldOn.toString());
        fields.put("audience", audience);
        return fields;
    }
}
