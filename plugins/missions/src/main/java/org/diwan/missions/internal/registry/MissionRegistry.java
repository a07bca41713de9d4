package org.diwan.missions.internal.registry;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.persistence.StaleEditException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The registry as the web pages and the API use it: validation, storage and the audit trail in one place,
 * so that both paths refuse and record the same way. A change, its audit entry and its event for integrators
 * ({@code diwan.events.missions.created} / {@code .changed}) commit together or not at all.
 */
@Component(service = MissionRegistry.class)
public final class MissionRegistry {

    private final MissionStore store;
    private final MissionForm form;
    private final AuditLog audit;
    private final RecordEvents events;
    private final Clock clock;

    @Activate
    public MissionRegistry(@Reference(target = "(diwan.schema=missions)") DataSource missions, @Reference AuditLog audit,
            @Reference MissionsSync sync, @Reference RecordEvents events) {
        this(new MissionStore(missions, Clock.systemUTC(), sync), audit, events, Clock.systemUTC());
    }

    /** The registry's validation, storage, audit trail and events, each change with its entry and event in one transaction. */
    MissionRegistry(MissionStore store, AuditLog audit, RecordEvents events, Clock clock) {
        this.store = store;
        this.form = new MissionForm(Countries.standard());
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public ListPage<Mission> find(MissionQuery query) throws SQLException {
        return store.find(query);
    }

    public Optional<Mission> get(String id) throws SQLException {
        return store.get(id);
    }

    /** Validates and creates; empty (with the reasons in {@code v}) when refused. */
    public Optional<Mission> create(Map<String, String> fields, Validation v, String actor, String address) throws SQLException {
        MissionDraft draft = form.read(fields, v);
        if (draft == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.create(draft, actor, (c, id) -> {
                audit.record(c, new AuditEntry(clock.instant(), actor, "missions.mission.create", id, draft.code(), address));
                events.publish(c, event(id, 1, EventKind.CREATED, draft, actor));
            }));
        } catch (DuplicateCodeException e) {
            v.reject("code", "missions.validation.code-taken");
            return Optional.empty();
        }
    }

    /** Validates and saves the edit made from {@code version}; empty when refused for a field. */
    public Optional<Mission> update(String id, int version, Map<String, String> fields, Validation v, String actor, String address)
            throws SQLException, StaleEditException {
        MissionDraft draft = form.read(fields, v);
        if (draft == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.update(id, version, draft, actor, (c, written) -> {
                audit.record(c, new AuditEntry(clock.instant(), actor, "missions.mission.update", id, draft.code() + " v" + (version + 1), address));
                events.publish(c, event(id, version + 1, EventKind.CHANGED, draft, actor));
            }));
        } catch (DuplicateCodeException e) {
            v.reject("code", "missions.validation.code-taken");
            return Optional.empty();
        }
    }

    /**
     * The office's public face only: what the public mission directory shows. The head of mission's name and the
     * office's contact details stay out: the bus is read by every integrator, the registry's page by staff.
     */
    private RecordEvent event(String id, int version, EventKind kind, MissionDraft draft, String actor) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", draft.code());
        fields.put("type", draft.type());
        fields.put("country", draft.country());
        fields.put("city", draft.city());
        fields.put("nameAr", draft.name().ar());
        fields.put("nameEn", draft.name().en());
        fields.put("nameFr", draft.name().fr());
        fields.put("status", draft.status());
        fields.put("reportEveryDays", draft.reportEveryDays());
        return RecordEvent.of("missions", "mission", id, version, kind, actor, clock.instant(), fields);
    }
}
