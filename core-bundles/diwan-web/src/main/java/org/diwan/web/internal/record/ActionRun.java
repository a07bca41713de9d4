package org.diwan.web.internal.record;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.documents.DocumentRefused;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.Upload;

/**
 * A declared action carried out in the order the pages and the JSON API share: its own permission, then the record,
 * then whether this node keeps it, then its file (refused whole over the documents limit, or when empty), and only
 * then its form and the editor. Nothing of the body is read before the first three are settled.
 */
final class ActionRun {

    /** What became of the action. */
    sealed interface Result<R> {
    }

    record Forbidden<R>() implements Result<R> {
    }

    record NotFound<R>() implements Result<R> {
    }

    /** Another node keeps the record: the message key that says so. */
    record KeptElsewhere<R>(String messageKey) implements Result<R> {
    }

    /** The editor's outcome (or the file's refusal), with the record and the form as sent. */
    record Acted<R>(R record, ActionOutcome outcome, Map<String, String> form) implements Result<R> {
    }

    private ActionRun() {
    }

    static <R> Result<R> run(PageRequest request, FormBody body, RecordEditor<R> editor, String id, Optional<String> item, RecordAction action)
            throws SQLException {
        if (!request.permitted(action.permission())) {
            return new Forbidden<>();
        }
        Optional<R> record = editor.find(id, request);
        if (record.isEmpty()) {
            return new NotFound<>();
        }
        Optional<String> readOnly = editor.readOnlyHere(record);
        if (readOnly.isPresent()) {
            return new KeptElsewhere<>(readOnly.get());
        }
        Optional<Upload> upload = Optional.empty();
        if (action.isUpload()) {
            FormBody.FileResult file = body.file(action.fileField());
            if (file instanceof FormBody.FileResult.TooLarge tooLarge) {
                return new Acted<>(record.get(), new ActionOutcome.Refused(413, DocumentRefused.TOO_LARGE, List.of(tooLarge.limit()), Map.of()),
                        Map.of());
            }
            if (!(file instanceof FormBody.FileResult.Received received)) {
                return new Acted<>(record.get(), new ActionOutcome.Refused(422, DocumentRefused.EMPTY, List.of(), Map.of()), Map.of());
            }
            upload = Optional.of(received.upload());
        }
        Map<String, String> form = body.fields();
        return new Acted<>(record.get(), editor.act(action.name(), record.get(), new ActionInput(form, item, upload), request), form);
    }
}
