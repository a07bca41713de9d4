package org.diwan.web.internal.record;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.i18n.Messages;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;

/**
 * A record's actions and files in the JSON API, as its pages have them: {@code POST apiBase/{id}/{action}} (and
 * {@code .../{action}/{item}}) with a JSON object of the action's fields, or for an upload action a multipart form
 * with the file; {@code GET apiBase/{id}/{files}/{fileId}} for a file. Decided by {@link ActionRun} in the pages'
 * order: a done action answers the record as it is now, a refused one a problem document.
 */
final class ApiActions {

    private ApiActions() {
    }

    static <R> ApiAnswer handle(String method, PageRequest request, ApiBody body, RecordResource<R> resource, List<String> path,
            Messages messages) throws SQLException {
        RecordPagesSpec spec = resource.spec();
        String id = path.get(0);
        String name = path.get(1);
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.size() == 3 && spec.files().contains(name)) {
            if (!read) {
                return ApiFlow.notAllowed();
            }
            Optional<R> record = resource.find(id, request);
            Optional<RecordFile> file = record.isEmpty() ? Optional.empty() : resource.file(record.get(), name, path.get(2), request);
            return file.<ApiAnswer>map(ApiAnswer.File::new).orElseGet(ApiFlow::notFound);
        }
        boolean onItem = path.size() == 3;
        Optional<RecordAction> action = spec.actions().stream().filter(a -> a.name().equals(name) && a.takesItem() == onItem).findFirst();
        if (action.isEmpty()) {
            return ApiFlow.notFound();
        }
        if (!method.equals("POST")) {
            return ApiFlow.notAllowed();
        }
        JsonForm json = new JsonForm(body);
        ActionRun.Result<R> result;
        try {
            result = ActionRun.run(request, action.get().isUpload() ? body.form() : json, resource, id, onItem ? Optional.of(path.get(2))
                    : Optional.empty(), action.get());
        } catch (UnusableBody unusable) {
            return ApiFlow.refusal(unusable.refused, request, messages);
        }
        if (result instanceof ActionRun.Forbidden) {
            return ApiAnswer.Problem.of(403, "forbidden", "error.forbidden");
        }
        if (result instanceof ActionRun.NotFound) {
            return ApiFlow.notFound();
        }
        if (result instanceof ActionRun.KeptElsewhere<R> kept) {
            return ApiAnswer.Problem.of(403, "read-only", kept.messageKey());
        }
        ActionRun.Acted<R> acted = (ActionRun.Acted<R>) result;
        if (acted.outcome() instanceof ActionOutcome.Refused no) {
            return new ApiAnswer.Problem(no.status(), code(no.status()), no.messageKey(), messages.fieldErrors(no.fields(), request.language()),
                    no.status() == 409 ? resource.json(acted.record()) : null, no.args());
        }
        String doneId = acted.outcome() instanceof ActionOutcome.Done done ? done.id() : ((ActionOutcome.DoneAt) acted.outcome()).id();
        Optional<R> now = resource.find(doneId, request);
        if (now.isEmpty()) {
            return new ApiAnswer.Json(200, Map.of("id", doneId, "done", name), Map.of());
        }
        return new ApiAnswer.Json(200, resource.jsonDetail(now.get(), request), Map.of("ETag", ApiFlow.tag(resource, now.get()),
                "Content-Location", resource.apiBase() + "/" + resource.id(now.get())));
    }

    private static String code(int status) {
        switch (status) {
            case 403:
                return "forbidden";
            case 404:
                return "not-found";
            case 409:
                return "conflict";
            case 413:
                return "too-large";
            case 422:
                return "invalid";
            default:
                return "refused";
        }
    }

    /** A JSON action body read as a form, only when the action gets that far; an unusable one ends the action. */
    private static final class JsonForm implements FormBody {

        private final ApiBody body;

        JsonForm(ApiBody body) {
            this.body = body;
        }

        @Override
        public Map<String, String> fields() {
            JsonBody read = body.json();
            if (read instanceof JsonBody.Refused refused) {
                throw new UnusableBody(refused);
            }
            return ((JsonBody.Fields) read).values();
        }

        @Override
        public FileResult file(String field) {
            return new FileResult.Missing();
        }
    }

    /** Carries a refused JSON body out of the action, which never reached the editor. */
    private static final class UnusableBody extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient JsonBody.Refused refused;

        UnusableBody(JsonBody.Refused refused) {
            super(null, null, false, false);
            this.refused = refused;
        }
    }
}
