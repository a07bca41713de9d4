package org.diwan.web.internal.record;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.diwan.api.i18n.Messages;
import org.diwan.api.validation.FieldError;
import org.diwan.api.web.record.ApiField;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;
import org.diwan.web.internal.AccessRules;

/**
 * The JSON API of every department's records, decided without HTTP: permission first, then the record, then the
 * body (read only once the caller may send it), then the version the change was made from.
 */
public final class ApiFlow {

    private static final Pattern ENTITY_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,9})\"$");

    private final Messages messages;

    public ApiFlow(Messages messages) {
        this.messages = messages;
    }

    /**
     * @param ifMatch the {@code If-Match} header, or null
     * @param body    the request's JSON object, read only when the request gets that far
     */
    public <R> ApiAnswer handle(String method, PageRequest request, String ifMatch, ApiBody body, RecordResource<R> resource)
            throws SQLException {
        RecordPagesSpec spec = resource.spec();
        if (spec.readByAnyone()) {
            // only where the shell lets anyone in, and never a write, whatever the caller holds
            if (!AccessRules.isPublicApi(resource.apiBase())) {
                return ApiAnswer.Problem.of(403, "forbidden", "error.forbidden");
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return notAllowed();
            }
        } else if (!request.permitted(spec.readPermission())) {
            return ApiAnswer.Problem.of(403, "forbidden", "error.forbidden");
        }
        List<String> path = request.path();
        if (path.size() > 3 || path.stream().anyMatch(String::isEmpty)) {
            return notFound();
        }
        if (path.size() > 1) {
            return ApiActions.handle(method, request, body, resource, path, messages);
        }
        if ((method.equals("POST") || method.equals("PUT")) && !spec.hasForm()) {
            // records without a form are not written through the API either: they move by their actions
            return notAllowed();
        }
        switch (method) {
            case "GET", "HEAD":
                return path.isEmpty() ? list(request, resource) : read(request, resource, path.get(0));
            case "POST":
                if (!path.isEmpty()) {
                    return notAllowed();
                }
                return create(request, body, resource);
            case "PUT":
                if (path.isEmpty()) {
                    return notAllowed();
                }
                return update(request, ifMatch, body, resource, path.get(0));
            default:
                return notAllowed();
        }
    }

    private <R> ApiAnswer list(PageRequest request, RecordResource<R> resource) throws SQLException {
        RecordPagesSpec spec = resource.spec();
        String rawSize = request.param("size");
        int size = rawSize.matches("\\d{1,4}") ? Math.max(1, Math.min(Integer.parseInt(rawSize), RecordPagesSpec.MAX_PAGE_SIZE)) : spec.pageSize();
        ListQuery query = ListModel.query(spec, request, size);
        ListPage<R> page = resource.list(query, request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(resource::json).toList());
        body.put("total", page.total());
        body.put("page", page.page());
        body.put("size", page.size());
        return new ApiAnswer.Json(200, body, Map.of());
    }

    private <R> ApiAnswer read(PageRequest request, RecordResource<R> resource, String id) throws SQLException {
        Optional<R> record = resource.find(id, request);
        if (record.isEmpty()) {
            return notFound();
        }
        return new ApiAnswer.Json(200, resource.jsonDetail(record.get(), request), Map.of("ETag", tag(resource, record.get())));
    }

    private <R> ApiAnswer create(PageRequest request, ApiBody body, RecordResource<R> resource) throws SQLException {
        Optional<ApiAnswer> refused = mayWrite(request, resource, Optional.empty());
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonBody read = body.json();
        if (read instanceof JsonBody.Refused no) {
            return refusal(no, request);
        }
        Outcome<R> outcome = resource.create(writable(resource, ((JsonBody.Fields) read).values()), request);
        if (outcome instanceof Outcome.Saved<R> saved) {
            R record = saved.record();
            return new ApiAnswer.Json(201, resource.json(record),
                    Map.of("Location", resource.apiBase() + "/" + resource.id(record), "ETag", tag(resource, record)));
        }
        return refusal(outcome, false, request, resource);
    }

    private <R> ApiAnswer update(PageRequest request, String ifMatch, ApiBody body, RecordResource<R> resource, String id)
            throws SQLException {
        Optional<R> current = resource.find(id, request);
        if (current.isEmpty()) {
            return notFound();
        }
        Optional<ApiAnswer> refused = mayWrite(request, resource, current);
        if (refused.isPresent()) {
            return refused.get();
        }
        Integer tagged = null;
        if (ifMatch != null) {
            Matcher tag = ENTITY_TAG.matcher(ifMatch.strip());
            if (!tag.matches()) {
                // "*" or a list: the API names one version, the one the change was made from
                return new ApiAnswer.Problem(412, "conflict", "record.api.if-match", Map.of(), resource.json(current.get()));
            }
            tagged = Integer.valueOf(tag.group(1));
        }
        JsonBody read = body.json();
        if (read instanceof JsonBody.Refused no) {
            return refusal(no, request);
        }
        Map<String, String> values = ((JsonBody.Fields) read).values();
        String version = values.get("version");
        if (tagged == null && (version == null || !version.matches("\\d{1,9}"))) {
            return new ApiAnswer.Problem(428, "version-required", "record.api.version-required",
                    messages.fieldErrors(Map.of("version", FieldError.of("validation.required")), request.language()), null);
        }
        int from = tagged != null ? tagged : Integer.parseInt(version);
        Outcome<R> outcome = resource.update(current.get(), from, writable(resource, values), request);
        if (outcome instanceof Outcome.Saved<R> saved) {
            return new ApiAnswer.Json(200, resource.json(saved.record()), Map.of("ETag", tag(resource, saved.record())));
        }
        return refusal(outcome, tagged != null, request, resource);
    }

    private <R> ApiAnswer refusal(Outcome<R> outcome, boolean byTag, PageRequest request, RecordResource<R> resource) {
        if (outcome instanceof Outcome.Invalid<R> invalid) {
            return new ApiAnswer.Problem(422, "invalid", "validation.summary", messages.fieldErrors(invalid.errors(), request.language()), null);
        }
        if (outcome instanceof Outcome.TooLarge<R> tooLarge) {
            return new ApiAnswer.Problem(413, "too-large", "error.too-large", messages.fieldErrors(Map.of(tooLarge.field(), tooLarge.error()), request.language()),
                    null);
        }
        Outcome.Stale<R> stale = (Outcome.Stale<R>) outcome;
        return new ApiAnswer.Problem(byTag ? 412 : 409, "conflict", "record.api.conflict", Map.of(), resource.json(stale.current()));
    }

    static ApiAnswer refusal(JsonBody.Refused refused, PageRequest request, Messages messages) {
        return new ApiAnswer.Problem(refused.status(), refused.code(), refused.messageKey(), messages.fieldErrors(refused.fields(), request.language()), null);
    }

    private ApiAnswer refusal(JsonBody.Refused refused, PageRequest request) {
        return new ApiAnswer.Problem(refused.status(), refused.code(), refused.messageKey(), messages.fieldErrors(refused.fields(), request.language()), null);
    }

    private <R> Optional<ApiAnswer> mayWrite(PageRequest request, RecordResource<R> resource, Optional<R> record) {
        if (!request.permitted(resource.spec().writePermission())) {
            return Optional.of(ApiAnswer.Problem.of(403, "forbidden", "error.forbidden"));
        }
        return resource.readOnlyHere(record).map(key -> ApiAnswer.Problem.of(403, "read-only", key));
    }

    /** The members a client may write: never {@code id}, {@code version} or one the schema does not name. */
    private static Map<String, String> writable(RecordResource<?> resource, Map<String, String> values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ApiField field : resource.schema()) {
            if (!field.readOnly() && values.containsKey(field.name())) {
                fields.put(field.name(), values.get(field.name()));
            }
        }
        return fields;
    }

    static <R> String tag(RecordResource<R> resource, R record) {
        return "\"" + resource.version(record) + "\"";
    }


    static ApiAnswer notFound() {
        return ApiAnswer.Problem.of(404, "not-found", "error.notfound");
    }

    static ApiAnswer notAllowed() {
        return ApiAnswer.Problem.of(405, "method-not-allowed", "error.method");
    }
}
