package org.diwan.testplugin.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.notification.Notifications;
import org.diwan.api.persistence.Transactions;
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
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;
import org.diwan.api.workflow.Workflows;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The notes department on the kit: its rules only (SQL, validation); pages, API and OpenAPI are the shell's. Each
 * change writes its audit entry and its event ({@code diwan.events.notes.created} / {@code .changed}) in its own
 * transaction, as every department should.
 */
@Component(service = {RecordEditor.class, RecordResource.class, NoteRecords.class}, property = "diwan.plugin=notes")
public final class NoteRecords implements RecordResource<Note> {

    static final String BASE = "/diwan/notes";
    static final String API = "/api/notes/notes";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at(BASE).permissions(NotesPlugin.READ, NotesPlugin.WRITE)
            .templates("notes/note").columns(Column.sortable("text", "notes.text"), Column.sortable("updated", "notes.updated"))
            .sortedBy("updated", false).formFields("text").actions(new RecordAction("submit", NotesPlugin.WRITE),
                    new RecordAction("approve", NotesPlugin.APPROVE), new RecordAction("reject", NotesPlugin.APPROVE)).build();
    private static final String COLUMNS = "SELECT id, text, version, updated_by, updated_at FROM note";

    private final DataSource notes;
    private final AuditLog audit;
    private final RecordEvents events;
    private final NoteFlow flow;

    @Activate
    public NoteRecords(@Reference(target = "(diwan.schema=notes)") DataSource notes, @Reference Workflows workflows,
            @Reference Notifications notifications, @Reference AuditLog audit, @Reference RecordEvents events) {
        this.notes = notes;
        this.flow = new NoteFlow(workflows, notifications);
        this.audit = audit;
        this.events = events;
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    @Override
    public ListPage<Note> list(ListQuery query, PageRequest request) throws SQLException {
        String where = query.text().isEmpty() ? "" : " WHERE LOWER(text) LIKE ?";
        // the sort key is one the spec declares: mapped to SQL here, never copied from the request
        String order = (query.sort().equals("text") ? "text" : "id") + (query.descending() ? " DESC" : "");
        try (Connection c = notes.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM note" + where)) {
                bindText(count, query);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Note> items = new ArrayList<>();
            try (PreparedStatement page = c.prepareStatement(COLUMNS + where + " ORDER BY " + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int next = bindText(page, query);
                page.setInt(next, query.offset());
                page.setInt(next + 1, query.size());
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        items.add(note(rs));
                    }
                }
            }
            Map<String, String> states = flow.states(items.stream().map(this::id).toList());
            return new ListPage<>(items.stream().map(n -> n.withState(states.get(id(n)))).toList(), total, query.page(), query.size());
        }
    }

    @Override
    public Optional<Note> find(String id, PageRequest request) throws SQLException {
        if (!id.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        try (Connection c = notes.getConnection(); PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE id = ?")) {
            s.setInt(1, Integer.parseInt(id));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(note(rs)).map(n -> n.withState(flow.states(List.of(id)).get(id))) : Optional.empty();
            }
        }
    }

    @Override
    public String id(Note note) {
        return Integer.toString(note.id());
    }

    @Override
    public int version(Note note) {
        return note.version();
    }

    @Override
    public Map<String, Object> view(Note note, PageRequest request) {
        return Map.of("id", note.id(), "text", note.text(), "updated", request.dateTime(note.updatedAt()), "updatedBy", note.updatedBy(),
                "state", note.state());
    }

    @Override
    public Map<String, String> fields(Note note) {
        return Map.of("text", note.text());
    }

    @Override
    public Outcome<Note> create(Map<String, String> fields, PageRequest request) throws SQLException {
        Validation v = new Validation();
        String text = v.requiredParagraph("text", fields.get("text"), 500);
        if (!v.isValid()) {
            return Outcome.invalid(v);
        }
        Instant now = Instant.now();
        // the note, the start of its workflow, its audit entry and its event are one transaction
        int id = Transactions.inTransaction(notes, c -> {
            int created;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO note (text, updated_by, updated_at) VALUES (?, ?, ?)", new String[] {"ID"})) {
                s.setString(1, text);
                s.setString(2, request.actor());
                s.setTimestamp(3, Timestamp.from(now));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    created = keys.getInt(1);
                }
            }
            flow.start(c, Integer.toString(created), request);
            recorded(c, request, "notes.note.create", created, 1, EventKind.CREATED, text, now);
            return created;
        });
        return Outcome.saved(find(Integer.toString(id), request).orElseThrow());
    }

    @Override
    public Map<String, Object> details(Note note, PageRequest request) {
        return Map.of("flow", flow.view(id(note), request));
    }

    @Override
    public ActionOutcome act(String action, Note note, ActionInput input, PageRequest request) throws SQLException {
        return Transactions.inTransaction(notes, c -> flow.fire(c, action, id(note), input, request));
    }

    @Override
    public Outcome<Note> update(Note current, int version, Map<String, String> fields, PageRequest request) throws SQLException {
        Validation v = new Validation();
        String text = v.requiredParagraph("text", fields.get("text"), 500);
        if (!v.isValid()) {
            return Outcome.invalid(v);
        }
        Instant at = Instant.now();
        int rows = Transactions.inTransaction(notes, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE note SET text = ?, version = version + 1, updated_by = ?, updated_at = ? WHERE id = ? AND version = ?")) {
                s.setString(1, text);
                s.setString(2, request.actor());
                s.setTimestamp(3, Timestamp.from(at));
                s.setInt(4, current.id());
                s.setInt(5, version);
                int updated = s.executeUpdate();
                if (updated > 0) {
                    recorded(c, request, "notes.note.update", current.id(), version + 1, EventKind.CHANGED, text, at);
                }
                return updated;
            }
        });
        if (rows == 0) {
            Note now = find(id(current), request).orElseThrow();
            return new Outcome.Stale<>(now, now.updatedBy(), now.updatedAt());
        }
        return Outcome.saved(find(id(current), request).orElseThrow());
    }

    @Override
    public String apiBase() {
        return API;
    }

    @Override
    public String title() {
        return "Notes";
    }

    @Override
    public Map<String, Object> json(Note note) {
        return Map.of("id", note.id(), "text", note.text(), "version", note.version(), "updatedBy", note.updatedBy(),
                "updatedAt", note.updatedAt().toString());
    }

    @Override
    public List<ApiField> schema() {
        return List.of(ApiField.readOnly("id", ApiField.Type.INTEGER), ApiField.text("text", true), ApiField.readOnly("version", ApiField.Type.INTEGER),
                ApiField.readOnly("updatedBy", ApiField.Type.TEXT), ApiField.readOnly("updatedAt", ApiField.Type.DATE_TIME));
    }

    /** The change's audit entry and its event, through the change's own connection. */
    private void recorded(Connection c, PageRequest request, String action, int id, int version, EventKind kind, String text, Instant at)
            throws SQLException {
        audit.record(c, new AuditEntry(at, request.actor(), action, Integer.toString(id), "v" + version, request.address()));
        events.publish(c, RecordEvent.of("notes", "note", Integer.toString(id), version, kind, request.actor(), at,
                Map.of("text", text)));
    }

    private static int bindText(PreparedStatement s, ListQuery query) throws SQLException {
        if (query.text().isEmpty()) {
            return 1;
        }
        s.setString(1, "%" + query.text().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        return 2;
    }

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant(), "");
    }
}
