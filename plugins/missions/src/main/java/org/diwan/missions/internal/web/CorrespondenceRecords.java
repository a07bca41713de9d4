package org.diwan.missions.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.reference.Countries;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.ApiField;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;
import org.diwan.api.web.record.Upload;
import org.diwan.missions.internal.MissionsPlugin;
import org.diwan.missions.internal.correspondence.Attachment;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceService;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.correspondence.FollowUpStatus;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionQuery;
import org.diwan.missions.internal.registry.MissionRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Correspondence (MIS-2) on the shell's record pages and JSON API: letters and reports with their attachments and
 * follow-up actions. A mission node's staff see their own mission's records only; what came from a mission's node is
 * read-only at headquarters.
 */
@Component(service = {RecordEditor.class, RecordResource.class, CorrespondenceRecords.class}, property = "diwan.plugin=" + MissionsPlugin.ID)
public final class CorrespondenceRecords implements RecordResource<Correspondence> {

    static final String BASE = "/diwan/missions/correspondence";
    static final String API = "/api/missions/correspondence";
    static final String ATTACHMENTS = "attachments";
    static final String FOLLOW_UPS = "follow-ups";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE)
            .permissions(MissionsPlugin.CORRESPONDENCE_READ, MissionsPlugin.CORRESPONDENCE_WRITE)
            .templates("missions/correspondence")
            .columns(Column.sortable("date", "missions.column.date"), Column.sortable("reference", "missions.column.reference"),
                    Column.sortable("subject", "missions.column.subject"), Column.sortable("mission", "missions.column.mission"),
                    Column.sortable("country", "missions.column.country"),
                    Column.sortable("classification", "missions.column.classification").coded("missions.class."),
                    Column.sortable("status", "missions.column.status").coded("missions.cstatus."))
            .filters("mission", "country", "classification", "from", "to", "status")
            .sortedBy("date", true)
            .formFields(CorrespondenceViews.FIELDS.toArray(String[]::new))
            .actions(RecordAction.upload(ATTACHMENTS, MissionsPlugin.CORRESPONDENCE_WRITE, "file"),
                    new RecordAction(FOLLOW_UPS, MissionsPlugin.CORRESPONDENCE_WRITE),
                    RecordAction.onItem(FOLLOW_UPS, MissionsPlugin.CORRESPONDENCE_WRITE))
            .files(ATTACHMENTS)
            .build();

    private final CorrespondenceService service;
    private final MissionRegistry registry;
    private final CorrespondenceViews views = new CorrespondenceViews(Countries.standard());

    @Activate
    public CorrespondenceRecords(@Reference CorrespondenceService service, @Reference MissionRegistry registry) {
        this.service = service;
        this.registry = registry;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    @Override
    public String apiBase() {
        return API;
    }

    @Override
    public String title() {
        return "Correspondence";
    }

    @Override
    public ListPage<Correspondence> list(ListQuery query, PageRequest request) throws SQLException {
        return service.find(query.asParameters());
    }

    @Override
    public Optional<Correspondence> find(String id, PageRequest request) throws SQLException {
        return service.get(id);
    }

    @Override
    public String id(Correspondence c) {
        return c.id();
    }

    @Override
    public int version(Correspondence c) {
        return c.version();
    }

    @Override
    public Map<String, Object> view(Correspondence c, PageRequest request) {
        Map<String, Object> row = views.row(c, request);
        // the list's columns by their sort keys, for the CSV export
        row.put("date", row.get("documentDay"));
        row.put("reference", c.referenceNo());
        row.put("mission", row.get("missionName"));
        row.put("country", row.get("countryName"));
        row.put("countryCode", c.country());
        return row;
    }

    @Override
    public Map<String, Object> details(Correspondence c, PageRequest request) throws SQLException {
        Map<String, Object> details = new HashMap<>();
        details.put("attachments", service.attachments(c).stream().map(a -> views.attachment(a, request.language())).toList());
        details.put("followUps", service.followUps(c).stream().map(f -> views.followUp(f, service.today(), request)).toList());
        details.put("receivedFrom", c.receivedFrom());
        return details;
    }

    @Override
    public Map<String, String> fields(Correspondence c) {
        return CorrespondenceViews.fieldsOf(c);
    }

    @Override
    public Map<String, String> defaults(PageRequest request) {
        return Map.of("status", "OPEN", "counterpart", "HEADQUARTERS", "documentDate", service.today().toString());
    }

    @Override
    public Map<String, Object> choices(PageRequest request) {
        Map<String, Object> choices = views.choices(missionsInScope(), request.language());
        choices.put("scope", service.scope().orElse(null));
        choices.put("mayApprove", request.permitted(MissionsPlugin.CORRESPONDENCE_APPROVE));
        return choices;
    }

    @Override
    public Outcome<Correspondence> create(Map<String, String> fields, PageRequest request) throws SQLException {
        Validation v = new Validation();
        Optional<Correspondence> created = service.create(fields, v, request.actor(), request.address(),
                request.permitted(MissionsPlugin.CORRESPONDENCE_APPROVE));
        return created.isPresent() ? Outcome.saved(created.get()) : Outcome.invalid(v);
    }

    @Override
    public Outcome<Correspondence> update(Correspondence current, int version, Map<String, String> fields, PageRequest request)
            throws SQLException {
        Validation v = new Validation();
        try {
            Optional<Correspondence> saved = service.update(current.id(), version, fields, v, request.actor(), request.address(),
                    request.permitted(MissionsPlugin.CORRESPONDENCE_APPROVE));
            return saved.isPresent() ? Outcome.saved(saved.get()) : Outcome.invalid(v);
        } catch (StaleEditException stale) {
            Correspondence now = stale.current(Correspondence.class);
            return new Outcome.Stale<>(now, now.updatedBy(), now.updatedAt());
        }
    }

    @Override
    public Optional<String> readOnlyHere(Optional<Correspondence> record) {
        return record.filter(c -> !c.editableHere()).map(c -> "missions.sync.readOnly");
    }

    /** An attachment through the documents service, a follow-up action, or a follow-up done. */
    @Override
    public ActionOutcome act(String action, Correspondence c, ActionInput input, PageRequest request) throws SQLException {
        if (input.upload().isPresent()) {
            return attach(c, input.upload().get(), request);
        }
        if (input.item().isEmpty()) {
            Validation v = new Validation();
            return service.addFollowUp(c, input.form(), v, request.actor(), request.address()).isPresent()
                    ? new ActionOutcome.DoneAt(c.id(), FOLLOW_UPS) : ActionOutcome.invalid(v);
        }
        FollowUpStatus status;
        try {
            status = FollowUpStatus.valueOf(input.field("status"));
        } catch (IllegalArgumentException e) {
            return ActionOutcome.refused("error.badrequest");
        }
        try {
            service.setFollowUpStatus(c, input.item().get(), version(input.field("version")), status, request.actor(), request.address());
            return new ActionOutcome.DoneAt(c.id(), FOLLOW_UPS);
        } catch (StaleEditException stale) {
            return new ActionOutcome.Refused(409, "missions.conflict", List.of(), Map.of());
        }
    }

    private ActionOutcome attach(Correspondence c, Upload upload, PageRequest request) throws SQLException {
        try (InputStream content = upload.open()) {
            service.attach(c, upload.fileName(), content, request.actor(), request.address());
            return new ActionOutcome.DoneAt(c.id(), ATTACHMENTS);
        } catch (DocumentRefused refused) {
            int status = refused.messageKey().equals(DocumentRefused.TOO_LARGE) ? 413 : 422;
            return new ActionOutcome.Refused(status, refused.messageKey(), refused.args(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<RecordFile> file(Correspondence c, String files, String fileId, PageRequest request) throws SQLException {
        Optional<Attachment> attachment = service.attachments(c).stream().filter(a -> a.id().equals(fileId)).findFirst();
        return attachment.map(a -> new RecordFile() {
            @Override
            public String mediaType() {
                return a.mediaType();
            }

            @Override
            public String fileName() {
                return a.fileName();
            }

            @Override
            public long size() {
                return a.size();
            }

            @Override
            public InputStream open() {
                return service.open(a);
            }
        });
    }

    @Override
    public Map<String, Object> json(Correspondence c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", c.id());
        o.put("mission", c.missionId());
        o.put("missionCode", c.missionCode());
        o.put("counterpart", c.counterpart().name());
        o.put("counterpartName", c.counterpartName());
        o.put("classification", c.classification().name());
        o.put("country", c.country());
        o.put("referenceNo", c.referenceNo());
        o.put("documentDate", c.documentDate().toString());
        o.put("receivedDate", c.receivedDate() == null ? null : c.receivedDate().toString());
        o.put("subject", c.subject());
        o.put("summary", c.summary());
        o.put("status", c.status().name());
        o.put("version", c.version());
        o.put("updatedAt", c.updatedAt().toString());
        o.put("updatedBy", c.updatedBy());
        o.put("receivedFrom", c.receivedFrom());
        return o;
    }

    @Override
    public Map<String, Object> jsonDetail(Correspondence c, PageRequest request) throws SQLException {
        Map<String, Object> body = json(c);
        body.put("attachments", service.attachments(c).stream().map(a -> Map.of("id", a.id(), "fileName", a.fileName(), "mediaType",
                a.mediaType(), "size", a.size(), "sha256", a.sha256(), "href", API + "/" + c.id() + "/" + ATTACHMENTS + "/" + a.id())).toList());
        body.put("followUps", service.followUps(c).stream().map(f -> Map.of("id", f.id(), "action", f.action(), "owner", f.owner(),
                "deadline", f.deadline().toString(), "status", f.status().name(), "version", f.version(), "overdue",
                f.isOverdue(service.today()))).toList());
        return body;
    }

    @Override
    public List<ApiField> schema() {
        return List.of(ApiField.readOnly("id", ApiField.Type.TEXT), ApiField.text("mission", true), ApiField.readOnly("missionCode", ApiField.Type.TEXT),
                ApiField.code("counterpart", true, Counterpart.class), ApiField.text("counterpartName", false),
                ApiField.code("classification", true, Classification.class), ApiField.text("country", false), ApiField.text("referenceNo", true),
                ApiField.date("documentDate", true), ApiField.date("receivedDate", false), ApiField.text("subject", true),
                ApiField.text("summary", false), ApiField.code("status", true, CorrespondenceStatus.class),
                ApiField.readOnly("version", ApiField.Type.INTEGER), ApiField.readOnly("updatedAt", ApiField.Type.DATE_TIME),
                ApiField.readOnly("updatedBy", ApiField.Type.TEXT), ApiField.readOnly("receivedFrom", ApiField.Type.TEXT));
    }

    private List<Mission> missionsInScope() {
        try {
            List<Mission> all = registry.find(new MissionQuery(null, null, null, null, MissionQuery.Sort.NAME, false, 0, MissionQuery.MAX_SIZE))
                    .items();
            return all.stream().filter(m -> service.scope().map(code -> code.equals(m.code())).orElse(true)).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int version(String raw) {
        return raw != null && raw.matches("\\d{1,9}") ? Integer.parseInt(raw) : -1;
    }
}
