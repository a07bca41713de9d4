package org.diwan.web.internal.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.diwan.api.validation.FieldError;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.ApiField;
import org.diwan.api.web.record.RecordResource;
import org.diwan.api.web.record.RecordPagesSpec;

/** A department's rules in a few lines, for the flow's tests: notes with a title, a colour and a version. */
final class Notebook implements RecordResource<Notebook.Note> {

    record Note(String id, String title, String colour, int version, String by, Instant at) {
    }

    static final RecordPagesSpec SPEC = RecordPagesSpec.at("/diwan/notes/notes").permissions("notes:read", "notes:write")
            .templates("notes/note").columns(Column.sortable("title", "notes.title"), Column.sortable("colour", "notes.colour").coded("notes.colour."),
                    Column.plain("id", "notes.id"))
            .filters("colour").sortedBy("title", false).pageSize(2).formFields("title", "colour")
            .actions(new RecordAction("archive", "notes:archive"), RecordAction.upload("attach", "notes:write", "file"),
                    RecordAction.onItem("tick", "notes:write"))
            .files("attachments").build();

    final Map<String, Note> notes = new LinkedHashMap<>();
    final List<ListQuery> queries = new ArrayList<>();
    final AtomicInteger ids = new AtomicInteger();
    boolean readOnlyHere;
    final Map<String, String> moved = new LinkedHashMap<>();
    Map<String, String> lastActionForm;
    ActionInput lastInput;
    final Map<String, String> attachments = new LinkedHashMap<>();
    Map<String, String> lastFields;
    RecordPagesSpec spec = SPEC;
    String apiBase = "/api/notes/notes";
    String title = "Notes";

    /** The same notes, readable by anyone at {@code apiBase}. */
    static Notebook open(String apiBase) {
        Notebook notebook = new Notebook();
        notebook.spec = new RecordPagesSpec(apiBase, RecordPagesSpec.ANYONE, "notes:write", SPEC.templates(), SPEC.columns(), SPEC.filters(),
                SPEC.defaultSort(), SPEC.defaultDescending(), SPEC.pageSize(), SPEC.formFields(), List.of(), List.of());
        notebook.apiBase = apiBase;
        notebook.title = "Public notes";
        return notebook;
    }

    /** The same notes without a form of their own: they only move by their actions. */
    static Notebook withoutForm() {
        Notebook notebook = new Notebook();
        notebook.spec = new RecordPagesSpec(SPEC.base(), SPEC.readPermission(), SPEC.writePermission(), SPEC.templates(), SPEC.columns(),
                SPEC.filters(), SPEC.defaultSort(), SPEC.defaultDescending(), SPEC.pageSize(), List.of(), SPEC.actions(), SPEC.files());
        return notebook;
    }

    Note add(String title, String colour) {
        Note note = new Note("n" + ids.incrementAndGet(), title, colour, 1, "laila", Instant.parse("2026-12-06T09:30:00Z"));
        notes.put(note.id(), note);
        return note;
    }

    @Override
    public RecordPagesSpec spec() {
        return spec;
    }

    enum Colour {
        GREEN, RED
    }

    @Override
    public String apiBase() {
        return apiBase;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Map<String, Object> json(Note note) {
        return Map.of("id", note.id(), "title", note.title(), "colour", note.colour(), "version", note.version());
    }

    @Override
    public List<ApiField> schema() {
        return List.of(ApiField.readOnly("id", ApiField.Type.TEXT), ApiField.text("title", true), ApiField.code("colour", false, Colour.class),
                ApiField.readOnly("version", ApiField.Type.INTEGER));
    }

    @Override
    public ListPage<Note> list(ListQuery query, PageRequest request) {
        queries.add(query);
        Comparator<Note> order = Comparator.comparing(query.sort().equals("colour") ? Note::colour : Note::title);
        List<Note> matching = notes.values().stream()
                .filter(n -> query.filter("colour") == null || n.colour().equals(query.filter("colour")))
                .filter(n -> n.title().contains(query.text()))
                .sorted(query.descending() ? order.reversed() : order).toList();
        int from = Math.min(query.offset(), matching.size());
        return new ListPage<>(matching.subList(from, Math.min(from + query.size(), matching.size())), matching.size(), query.page(), query.size());
    }

    @Override
    public Optional<Note> find(String id, PageRequest request) {
        return Optional.ofNullable(notes.get(id));
    }

    @Override
    public String id(Note note) {
        return note.id();
    }

    @Override
    public int version(Note note) {
        return note.version();
    }

    @Override
    public Map<String, Object> view(Note note, PageRequest request) {
        return Map.of("id", note.id(), "title", note.title(), "colour", note.colour());
    }

    @Override
    public Map<String, String> fields(Note note) {
        return Map.of("title", note.title(), "colour", note.colour());
    }

    @Override
    public Map<String, String> defaults(PageRequest request) {
        return Map.of("colour", "GREEN");
    }

    @Override
    public Map<String, Object> choices(PageRequest request) {
        return Map.of("colours", List.of("GREEN", "RED"));
    }

    @Override
    public Outcome<Note> create(Map<String, String> fields, PageRequest request) {
        lastFields = fields;
        return checked(fields).orElseGet(() -> Outcome.saved(store(null, fields, 1, request.actor())));
    }

    @Override
    public Outcome<Note> update(Note current, int version, Map<String, String> fields, PageRequest request) {
        lastFields = fields;
        if (version != current.version()) {
            return new Outcome.Stale<>(current, current.by(), current.at());
        }
        return checked(fields).orElseGet(() -> Outcome.saved(store(current.id(), fields, version + 1, request.actor())));
    }

    @Override
    public Optional<String> readOnlyHere(Optional<Note> record) {
        return readOnlyHere ? Optional.of("notes.keptElsewhere") : Optional.empty();
    }

    @Override
    public Optional<String> movedTo(Note note) {
        return Optional.ofNullable(moved.get(note.id()));
    }

    @Override
    public Map<String, Object> details(Note note, PageRequest request) {
        return Map.of("related", List.of());
    }

    @Override
    public ActionOutcome act(String action, Note note, ActionInput input, PageRequest request) {
        Map<String, String> form = input.form();
        lastActionForm = form;
        lastInput = input;
        if (action.equals("attach")) {
            try (java.io.InputStream in = input.upload().orElseThrow().open()) {
                attachments.put(input.upload().get().fileName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new ActionOutcome.DoneAt(note.id(), "attachments");
        }
        if (action.equals("tick")) {
            return input.item().orElseThrow().equals("i1") ? ActionOutcome.done(note.id()) : ActionOutcome.invalid(invalidItem());
        }
        if (note.title().equals("locked")) {
            return ActionOutcome.refused("notes.locked", note.title());
        }
        return ActionOutcome.done(form.getOrDefault("into", note.id()));
    }

    @Override
    public Optional<RecordFile> file(Note note, String files, String fileId, PageRequest request) {
        String text = attachments.get(fileId);
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordFile() {
            @Override
            public String mediaType() {
                return "text/plain";
            }

            @Override
            public String fileName() {
                return fileId;
            }

            @Override
            public long size() {
                return text.length();
            }

            @Override
            public java.io.InputStream open() {
                return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });
    }

    private static org.diwan.api.validation.Validation invalidItem() {
        org.diwan.api.validation.Validation v = new org.diwan.api.validation.Validation();
        v.reject("item", "notes.noSuchItem");
        return v;
    }

    private Optional<Outcome<Note>> checked(Map<String, String> fields) {
        String title = fields.getOrDefault("title", "");
        if (title.isBlank()) {
            return Optional.of(Outcome.invalid("title", "validation.required"));
        }
        if (title.length() > 20) {
            return Optional.of(new Outcome.TooLarge<>("title", FieldError.of("documents.refused.too-large", 20)));
        }
        return Optional.empty();
    }

    private Note store(String id, Map<String, String> fields, int version, String by) {
        Note note = new Note(id == null ? "n" + ids.incrementAndGet() : id, fields.get("title"), fields.getOrDefault("colour", "GREEN"),
                version, by, Instant.parse("2026-12-07T10:00:00Z"));
        notes.put(note.id(), note);
        return note;
    }
}
