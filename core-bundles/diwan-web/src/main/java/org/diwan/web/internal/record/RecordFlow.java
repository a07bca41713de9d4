package org.diwan.web.internal.record;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.i18n.Messages;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordPagesSpec;

/**
 * The record page flow of every department, decided without HTTP: which page, refusal or redirect a request gets.
 * Permission comes first, then the record, then the body: a form is read only once the visitor may save it.
 */
public final class RecordFlow {

    static final String NEW = "new";
    static final String EDIT = "edit";

    private final Messages messages;

    public RecordFlow(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param body the submitted form, read only when the request gets that far (POST)
     */
    public <R> Answer handle(String method, PageRequest request, FormBody body, RecordEditor<R> editor) throws SQLException {
        RecordPagesSpec spec = editor.spec();
        if (!request.permitted(spec.readPermission())) {
            return forbidden();
        }
        boolean post = method.equals("POST");
        if (!post && !method.equals("GET") && !method.equals("HEAD")) {
            return new Answer.Refusal(405, "error.method");
        }
        List<String> path = request.path();
        if (path.isEmpty()) {
            return post ? new Answer.Refusal(405, "error.method") : list(request, editor);
        }
        String id = path.get(0);
        if (path.size() == 1 && id.equals(NEW)) {
            if (!spec.hasForm()) {
                return notFound();
            }
            Optional<Answer> refused = mayWrite(request, editor, Optional.empty());
            if (refused.isPresent()) {
                return refused.get();
            }
            return post ? saved(request, editor, null, body.fields())
                    : form(200, request, editor, null, withAllFields(spec, editor.defaults(request)), Map.of(), null);
        }
        if (path.size() > 3) {
            return notFound();
        }
        if (path.size() == 3 || (path.size() == 2 && !path.get(1).equals(EDIT))) {
            return sub(method, request, body, editor, path);
        }
        if (path.size() == 1 && post) {
            return new Answer.Refusal(405, "error.method");
        }
        if (path.size() == 2 && !spec.hasForm()) {
            return notFound();
        }
        Optional<R> record = editor.find(id, request);
        if (record.isEmpty()) {
            return notFound();
        }
        if (path.size() == 1) {
            Optional<String> moved = editor.movedTo(record.get());
            if (moved.isPresent()) {
                return new Answer.Redirect(spec.base() + "/" + moved.get());
            }
            return detail(200, request, editor, record.get(), null);
        }
        Optional<Answer> refused = mayWrite(request, editor, record);
        if (refused.isPresent()) {
            return refused.get();
        }
        return post ? saved(request, editor, record.get(), body.fields())
                : form(200, request, editor, record.get(), withAllFields(spec, editor.fields(record.get())), Map.of(), null);
    }

    /** {@code base/{id}/{action}}, {@code base/{id}/{action}/{item}} and {@code base/{id}/{files}/{fileId}}. */
    private <R> Answer sub(String method, PageRequest request, FormBody body, RecordEditor<R> editor, List<String> path) throws SQLException {
        RecordPagesSpec spec = editor.spec();
        String id = path.get(0);
        String name = path.get(1);
        boolean post = method.equals("POST");
        if (path.size() == 3 && spec.files().contains(name)) {
            if (post) {
                return new Answer.Refusal(405, "error.method");
            }
            Optional<R> record = editor.find(id, request);
            Optional<RecordFile> file = record.isEmpty() ? Optional.empty() : editor.file(record.get(), name, path.get(2), request);
            return file.<Answer>map(Answer.File::new).orElseGet(RecordFlow::notFound);
        }
        boolean onItem = path.size() == 3;
        Optional<RecordAction> action = spec.actions().stream().filter(a -> a.name().equals(name) && a.takesItem() == onItem).findFirst();
        if (action.isEmpty()) {
            return notFound();
        }
        return post ? act(request, body, editor, id, path.size() == 3 ? Optional.of(path.get(2)) : Optional.empty(), action.get())
                : new Answer.Refusal(405, "error.method");
    }

    /** A declared action: its permission and the record first, its form (and file) after. */
    private <R> Answer act(PageRequest request, FormBody body, RecordEditor<R> editor, String id, Optional<String> item, RecordAction action)
            throws SQLException {
        ActionRun.Result<R> result = ActionRun.run(request, body, editor, id, item, action);
        if (result instanceof ActionRun.Forbidden) {
            return forbidden();
        }
        if (result instanceof ActionRun.NotFound) {
            return notFound();
        }
        if (result instanceof ActionRun.KeptElsewhere<R> kept) {
            return new Answer.Refusal(403, kept.messageKey());
        }
        ActionRun.Acted<R> acted = (ActionRun.Acted<R>) result;
        ActionOutcome outcome = acted.outcome();
        String base = editor.spec().base() + "/";
        if (outcome instanceof ActionOutcome.Done done) {
            return new Answer.Redirect(base + done.id() + "?done=" + action.name());
        }
        if (outcome instanceof ActionOutcome.DoneAt done) {
            return new Answer.Redirect(base + done.id() + "?done=" + action.name() + "#" + done.anchor());
        }
        return refusedAction(request, editor, acted.record(), action, (ActionOutcome.Refused) outcome, acted.form());
    }

    private <R> Answer refusedAction(PageRequest request, RecordEditor<R> editor, R record, RecordAction action, ActionOutcome.Refused no,
            Map<String, String> form) throws SQLException {
        Answer.Page page = (Answer.Page) detail(no.status(), request, editor, record,
                messages.get(no.messageKey(), request.language(), no.args().toArray()));
        page.model().put("refusedAction", action.name());
        page.model().put("actionErrors", messages.fieldErrors(no.fields(), request.language()));
        page.model().put("actionInput", form);
        return page;
    }

    private <R> Answer list(PageRequest request, RecordEditor<R> editor) throws SQLException {
        RecordPagesSpec spec = editor.spec();
        if (request.param("format").equals("csv")) {
            return csv(request, editor);
        }
        ListQuery query = ListModel.query(spec, request, spec.pageSize());
        ListPage<R> page = editor.list(query, request);
        if (page.items().isEmpty() && query.page() > 0 && page.total() > 0) {
            // a page past the end (the list shrank, or a hand-typed number): the last one there is
            query = new ListQuery(query.text(), query.filters(), query.sort(), query.descending(), page.pages() - 1, query.size());
            page = editor.list(query, request);
        }
        Map<String, Object> model = common(request, editor);
        model.putAll(ListModel.links(spec, query, page));
        model.put("filters", ListModel.filters(spec, query));
        model.put("rows", page.items().stream().map(r -> editor.view(r, request)).toList());
        model.put("total", page.total());
        model.put("totalText", request.number(page.total()));
        model.put("canWrite", request.permitted(spec.writePermission()) && editor.readOnlyHere(Optional.empty()).isEmpty());
        return new Answer.Page(200, spec.templates() + "-list", model);
    }

    /** The filtered list, every page of it up to {@link RecordPagesSpec#MAX_EXPORT_ROWS}, in the visitor's language. */
    private <R> Answer csv(PageRequest request, RecordEditor<R> editor) throws SQLException {
        RecordPagesSpec spec = editor.spec();
        List<List<String>> rows = new ArrayList<>();
        rows.add(spec.columns().stream().map(c -> messages.get(c.labelKey(), request.language())).toList());
        ListQuery first = ListModel.query(spec, request, RecordPagesSpec.MAX_PAGE_SIZE);
        for (int page = 0; rows.size() <= RecordPagesSpec.MAX_EXPORT_ROWS; page++) {
            ListQuery query = new ListQuery(first.text(), first.filters(), first.sort(), first.descending(), page, first.size());
            ListPage<R> result = editor.list(query, request);
            for (R record : result.items()) {
                Map<String, Object> view = editor.view(record, request);
                rows.add(spec.columns().stream().map(c -> cell(c, view.get(c.key()), request)).toList());
            }
            if (!result.hasNext() || result.items().isEmpty()) {
                break;
            }
        }
        String name = spec.base().substring(spec.base().lastIndexOf('/') + 1);
        return new Answer.Csv(name + ".csv", rows.size() > RecordPagesSpec.MAX_EXPORT_ROWS + 1
                ? rows.subList(0, RecordPagesSpec.MAX_EXPORT_ROWS + 1) : rows);
    }

    private String cell(Column column, Object value, PageRequest request) {
        if (value == null) {
            return "";
        }
        return column.valuePrefix() == null ? value.toString() : messages.get(column.valuePrefix() + value, request.language());
    }

    private <R> Answer detail(int status, PageRequest request, RecordEditor<R> editor, R record, String refusal) throws SQLException {
        RecordPagesSpec spec = editor.spec();
        Map<String, Object> model = common(request, editor);
        model.putAll(editor.details(record, request));
        Optional<String> readOnly = editor.readOnlyHere(Optional.of(record));
        model.put("item", editor.view(record, request));
        model.put("saved", request.params().containsKey("saved"));
        String done = request.param("done");
        model.put("done", spec.action(done).isPresent() ? done : null);
        model.put("refusal", refusal);
        model.put("refusedAction", null);
        model.put("actionErrors", Map.of());
        model.put("actionInput", Map.of());
        model.put("canWrite", request.permitted(spec.writePermission()) && readOnly.isEmpty());
        model.put("readOnlyHere", readOnly.orElse(null));
        return new Answer.Page(status, spec.templates() + "-detail", model);
    }

    private <R> Answer saved(PageRequest request, RecordEditor<R> editor, R editing, Map<String, String> form) throws SQLException {
        Map<String, String> fields = declared(editor.spec(), form);
        Outcome<R> outcome = editing == null ? editor.create(fields, request)
                : editor.update(editing, version(form.get("version")), fields, request);
        if (outcome instanceof Outcome.Saved<R> saved) {
            return new Answer.Redirect(editor.spec().base() + "/" + editor.id(saved.record()) + "?saved=1");
        }
        if (outcome instanceof Outcome.Invalid<R> invalid) {
            return form(422, request, editor, editing, fields, messages.fieldErrors(invalid.errors(), request.language()), null);
        }
        if (outcome instanceof Outcome.TooLarge<R> tooLarge) {
            return form(413, request, editor, editing, fields, messages.fieldErrors(Map.of(tooLarge.field(), tooLarge.error()), request.language()), null);
        }
        Outcome.Stale<R> stale = (Outcome.Stale<R>) outcome;
        return form(409, request, editor, stale.current(), fields, Map.of(), stale);
    }

    /**
     * The form. After a conflict it carries the current record's version, so that saving again is a deliberate
     * choice to replace what the other person saved.
     */
    private <R> Answer form(int status, PageRequest request, RecordEditor<R> editor, R editing, Map<String, String> values,
            Map<String, String> errors, Outcome.Stale<R> stale) {
        RecordPagesSpec spec = editor.spec();
        Map<String, Object> model = common(request, editor);
        model.put("f", withAllFields(spec, values));
        model.put("errors", errors);
        model.put("editing", editing == null ? null : editor.view(editing, request));
        model.put("version", editing == null ? "" : Integer.toString(editor.version(editing)));
        model.put("action", editing == null ? spec.base() + "/" + NEW : spec.base() + "/" + editor.id(editing) + "/" + EDIT);
        if (stale == null) {
            model.put("conflict", null);
        } else {
            model.put("conflict", Map.of("by", stale.changedBy(), "at", request.dateTime(stale.changedAt()),
                    "link", spec.base() + "/" + editor.id(stale.current())));
        }
        return new Answer.Page(status, spec.templates() + "-form", model);
    }

    private <R> Optional<Answer> mayWrite(PageRequest request, RecordEditor<R> editor, Optional<R> record) {
        if (!request.permitted(editor.spec().writePermission())) {
            return Optional.of(forbidden());
        }
        return editor.readOnlyHere(record).map(key -> new Answer.Refusal(403, key));
    }

    private static Map<String, Object> common(PageRequest request, RecordEditor<?> editor) {
        Map<String, Object> model = new HashMap<>(editor.choices(request));
        model.put("base", editor.spec().base());
        return model;
    }

    /** Only the declared fields of a form reach the editor: never {@code _csrf}, {@code version} or an added one. */
    private static Map<String, String> declared(RecordPagesSpec spec, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : spec.formFields()) {
            String value = form.get(name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    private static Map<String, String> withAllFields(RecordPagesSpec spec, Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        spec.formFields().forEach(name -> all.put(name, values.getOrDefault(name, "")));
        return all;
    }

    /** The version the form was loaded at, or -1 (never a stored version) when absent or not a number. */
    private static int version(String raw) {
        return raw != null && raw.matches("\\d{1,9}") ? Integer.parseInt(raw) : -1;
    }


    private static Answer forbidden() {
        return new Answer.Refusal(403, "error.forbidden");
    }

    private static Answer notFound() {
        return new Answer.Refusal(404, "error.notfound");
    }
}
