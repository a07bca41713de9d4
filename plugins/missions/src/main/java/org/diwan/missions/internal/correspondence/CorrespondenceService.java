package org.diwan.missions.internal.correspondence;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.sync.MissionsSync;
import org.diwan.missions.internal.common.MissionScope;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Correspondence as pages and API use it (MIS-2): validation, storage, attachments through the core documents
 * service, follow-up actions and the audit trail. On a mission node everything is confined to the node's own
 * mission: other missions' records are neither listed nor found.
 */
@Component(service = CorrespondenceService.class)
public final class CorrespondenceService {

    /** What may be attached: documents and scans, never executables or scripts (the store refuses those anyway). */
    static final Set<String> ACCEPTED = Set.of("application/pdf", "image/*", "text/plain", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.oasis.opendocument.text");

    private final CorrespondenceStore store;
    private final MissionStore missions;
    private final CorrespondenceForm form = new CorrespondenceForm(Countries.standard());
    private final Documents documents;
    private final AuditLog audit;
    private final RecordEvents events;
    private final String scope;
    private final Clock clock;

    @Activate
    public CorrespondenceService(@Reference(target = "(diwan.schema=missions)") DataSource data, @Reference Documents documents,
            @Reference AuditLog audit, @Reference NodeInfo node, @Reference MissionsSync sync, @Reference RecordEvents events) {
        this(new CorrespondenceStore(data, Clock.systemUTC(), sync::correspondenceChanged, sync::attachmentAdded,
                sync::followUpChanged),
                new MissionStore(data, Clock.systemUTC(), sync), documents, audit, events,
                MissionScope.of(node), Clock.systemDefaultZone());
    }

    CorrespondenceService(CorrespondenceStore store, MissionStore missions, Documents documents, AuditLog audit, RecordEvents events,
            String scope, Clock clock) {
        this.store = store;
        this.missions = missions;
        this.documents = documents;
        this.audit = audit;
        this.events = events;
        this.scope = scope;
        this.clock = clock;
    }

    public Optional<String> scope() {
        return Optional.ofNullable(scope);
    }

    public ListPage<Correspondence> find(Map<String, String> params) throws SQLException {
        return store.find(CorrespondenceQuery.from(params, scope));
    }

    public Optional<Correspondence> get(String id) throws SQLException {
        return store.get(id, scope);
    }

    /** Missions a user may file correspondence under: all of them at headquarters, the node's own on a mission node. */
    public Optional<Mission> missionInScope(String missionId) {
        try {
            return missions.get(missionId).filter(m -> scope == null || scope.equals(m.code()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<Correspondence> create(Map<String, String> fields, Validation v, String actor, String address, boolean mayApprove)
            throws SQLException {
        CorrespondenceDraft draft = form.read(fields, v, this::missionInScope, LocalDate.now(clock), mayApprove);
        if (draft == null) {
            return Optional.empty();
        }
        return Optional.of(store.create(draft, actor, (c, id) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.correspondence.create", id, draft.referenceNo(), address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, "correspondence", id, 1, EventKind.CREATED, actor, clock.instant(),
                    fields(draft)));
        }));
    }

    public Optional<Correspondence> update(String id, int version, Map<String, String> fields, Validation v, String actor, String address,
            boolean mayApprove) throws SQLException, StaleEditException {
        CorrespondenceDraft draft = form.read(fields, v, this::missionInScope, LocalDate.now(clock), mayApprove);
        if (draft == null) {
            return Optional.empty();
        }
        // the status before, if the edit starts from the stored version (else the edit is stale and nothing is written)
        CorrespondenceStatus before = store.get(id, null).filter(now -> now.version() == version).map(Correspondence::status).orElse(null);
        return Optional.of(store.update(id, version, draft, actor, (c, written) -> {
            audit.record(c, new AuditEntry(clock.instant(), actor, "missions.correspondence.update", id,
                    draft.referenceNo() + " v" + (version + 1), address));
            events.publish(c, RecordEvent.of(MissionsPlugin.ID, "correspondence", id, version + 1, EventKind.CHANGED, actor,
                    clock.instant(), fields(draft)));
            if (before != null && before != draft.status()) {
                events.publish(c, RecordEvent.stateChanged(MissionsPlugin.ID, "correspondence", id, version + 1, before.name(),
                        draft.status().name(), actor, clock.instant(), fields(draft)));
            }
        }));
    }

    /** Stores the file in the core documents service and attaches it; a refused file leaves nothing behind. */
    public Attachment attach(Correspondence to, String fileName, InputStream content, String actor, String address)
            throws DocumentRefused, SQLException {
        StoredDocument document = documents.store(MissionsPlugin.ID, fileName, content, ACCEPTED, actor);
        return store.attach(to.id(), document, actor, (c, attachmentId) -> audit.record(c, new AuditEntry(clock.instant(), actor,
                "missions.correspondence.attach", to.id(), document.fileName() + " " + document.sha256(), address)));
    }

    public List<Attachment> attachments(Correspondence of) throws SQLException {
        return store.attachments(of.id());
    }

    public InputStream open(Attachment attachment) {
        return documents.open(attachment.documentId());
    }

    public Optional<FollowUp> addFollowUp(Correspondence to, Map<String, String> fields, Validation v, String actor, String address)
            throws SQLException {
        String action = v.requiredLine("action", fields.get("action"), 500);
        String owner = v.requiredLine("owner", fields.get("owner"), 100);
        LocalDate deadline = v.date("deadline", fields.get("deadline"), true);
        if (!v.isValid()) {
            return Optional.empty();
        }
        return Optional.of(store.addFollowUp(to.id(), action, owner, deadline, actor,
                (c, id) -> audit.record(c, new AuditEntry(clock.instant(), actor, "missions.followup.create", id, action, address))));
    }

    public void setFollowUpStatus(Correspondence of, String followUpId, int version, FollowUpStatus status, String actor, String address)
            throws SQLException, StaleEditException {
        if (store.followUps(of.id()).stream().noneMatch(f -> f.id().equals(followUpId))) {
            throw new StaleEditException(followUpId, -1, null);
        }
        store.setFollowUpStatus(followUpId, version, status, actor, (c, id) -> audit.record(c,
                new AuditEntry(clock.instant(), actor, "missions.followup." + status.name().toLowerCase(), id, "", address)));
    }

    public List<FollowUp> followUps(Correspondence of) throws SQLException {
        return store.followUps(of.id());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What integrators see of a piece of correspondence: its filing, never its subject or summary (diplomatic
     * content, for the registry's readers only) nor the counterpart's name.
     */
    private static Map<String, Object> fields(CorrespondenceDraft draft) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("missionId", draft.missionId());
        fields.put("referenceNo", draft.referenceNo());
        fields.put("counterpart", draft.counterpart());
        fields.put("classification", draft.classification());
        fields.put("country", draft.country());
        fields.put("documentDate", draft.documentDate() == null ? null : draft.documentDate().toString());
        fields.put("receivedDate", draft.receivedDate() == null ? null : draft.receivedDate().toString());
        fields.put("status", draft.status());
        return fields;
    }
}
