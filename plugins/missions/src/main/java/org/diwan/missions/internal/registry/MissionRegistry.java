package org.diwan.missions.internal.registry;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
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
 * so that both paths refuse and record the same way. A change and its audit entry commit together or not at all.
 */
@Component(service = MissionRegistry.class)
public final class MissionRegistry {

    private final MissionStore store;
    private final MissionForm form;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public MissionRegistry(@Reference(target = "(diwan.schema=missions)") DataSource missions, @Reference AuditLog audit,
            @Reference MissionsSync sync) {
        this(new MissionStore(missions, Clock.systemUTC(), sync), audit, Clock.systemUTC());
    }

    /** The registry's validation, storage and audit trail, each change and its entry in one transaction. */
    MissionRegistry(MissionStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.form = new MissionForm(Countries.standard());
        this.audit = audit;
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
            return Optional.of(store.create(draft, actor,
                    (c, id) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.mission.create", id, draft.code(), address))));
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
            return Optional.of(store.update(id, version, draft, actor, (c, written) -> audit.record(c,
                    new AuditEntry(clock.instant(), actor, "missions.mission.update", id, draft.code() + " v" + (version + 1), address))));
        } catch (DuplicateCodeException e) {
            v.reject("code", "missions.validation.code-taken");
            return Optional.empty();
        }
    }
}
