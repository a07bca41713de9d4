package org.diwan.web.internal.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diwan.api.web.record.ApiField;
import org.diwan.api.web.record.Column;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;

/**
 * A plugin's OpenAPI 3.0 document, generated from its {@link RecordResource} declarations: so that what the
 * document says is what the API does. Every operation names its permission, its answers and the problem document
 * of its refusals.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    public static Map<String, Object> of(String plugin, String version, List<RecordResource<?>> resources) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Diwan " + plugin + " API", "version", version,
                "description", "Records of the " + plugin + " department. Sign in with a session (cookie and X-CSRF-Token header "
                        + "for changes) or send an API token as Authorization: Bearer. Refusals are RFC 9457 problem documents."));
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Problem", problemSchema());
        for (RecordResource<?> resource : resources) {
            String name = schemaName(resource);
            schemas.put(name, recordSchema(resource, false));
            Object id = List.of(parameter("id", "path", true, Map.of("type", "string")));
            subPaths(paths, resource, name);
            if (resource.spec().readByAnyone()) {
                // read only, and open: no security requirement (an empty list overrides the document's)
                paths.put(resource.apiBase(), Map.of("get", open(listOperation(resource, name))));
                paths.put(resource.apiBase() + "/{id}", Map.of("parameters", id, "get", open(readOperation(resource, name))));
                continue;
            }
            if (!resource.spec().hasForm()) {
                // no form: read, and moved by actions the API does not carry
                paths.put(resource.apiBase(), Map.of("get", listOperation(resource, name)));
                paths.put(resource.apiBase() + "/{id}", Map.of("parameters", id, "get", readOperation(resource, name)));
                continue;
            }
            schemas.put(name + "Input", recordSchema(resource, true));
            paths.put(resource.apiBase(), Map.of("get", listOperation(resource, name), "post", createOperation(resource, name)));
            paths.put(resource.apiBase() + "/{id}", Map.of("parameters", id, "get", readOperation(resource, name), "put", updateOperation(resource, name)));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", schemas, "securitySchemes", Map.of(
                "session", Map.of("type", "apiKey", "in", "cookie", "name", "DIWAN_SESSION"),
                "token", Map.of("type", "http", "scheme", "bearer"))));
        doc.put("security", List.of(Map.of("session", List.of()), Map.of("token", List.of())));
        return doc;
    }

    /** A record's files ({@code GET apiBase/{id}/{files}/{fileId}}) and, unless anyone may read it, its actions. */
    private static void subPaths(Map<String, Object> paths, RecordResource<?> resource, String name) {
        RecordPagesSpec spec = resource.spec();
        Map<String, Object> id = parameter("id", "path", true, Map.of("type", "string"));
        for (String files : spec.files()) {
            Map<String, Object> get = operation(resource.title() + ": a file of the record's " + files, "get" + name + "File" + camel(files),
                    spec.readPermission(), List.of(), null, Map.of("200", Map.of("description", "The file, with its media type and name",
                            "content", Map.of("application/octet-stream", Map.of("schema", Map.of("type", "string", "format", "binary")))),
                            "404", problem("No such record or file")));
            paths.put(resource.apiBase() + "/{id}/" + files + "/{fileId}", Map.of("parameters",
                    List.of(id, parameter("fileId", "path", true, Map.of("type", "string"))), "get", spec.readByAnyone() ? open(get) : get));
        }
        if (spec.readByAnyone()) {
            return;
        }
        for (RecordAction action : spec.actions()) {
            Object body = action.isUpload()
                    ? Map.of("required", true, "content", Map.of("multipart/form-data", Map.of("schema", Map.of("type", "object",
                            "required", List.of(action.fileField()), "properties", Map.of(action.fileField(), Map.of("type", "string", "format", "binary"))))))
                    : Map.of("required", true, "content", Map.of("application/json", Map.of("schema", Map.of("type", "object",
                            "description", "The action's fields, as texts or numbers; {} for none", "additionalProperties", true))));
            Map<String, Object> post = operation(resource.title() + ": " + action.name(), action.name() + name + (action.takesItem() ? "Item" : ""),
                    action.permission(), List.of(), null, Map.of("200", json("Done; the record as it is now", ref(name)),
                            "403", problem("No permission for this action, or another node keeps the record"), "404", problem("No such record"),
                            "409", problem("The record is no longer in a state that allows it"),
                            "413", problem("The file is over the documents limit"), "422", problem("Invalid fields, or no file")));
            post.put("requestBody", body);
            List<Object> parameters = action.takesItem()
                    ? List.of(id, parameter("item", "path", true, Map.of("type", "string"))) : List.of(id);
            paths.put(resource.apiBase() + "/{id}/" + action.name() + (action.takesItem() ? "/{item}" : ""),
                    Map.of("parameters", parameters, "post", post));
        }
    }

    private static String camel(String word) {
        StringBuilder out = new StringBuilder();
        for (String part : word.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static Map<String, Object> listOperation(RecordResource<?> resource, String name) {
        RecordPagesSpec spec = resource.spec();
        List<Object> parameters = new ArrayList<>();
        parameters.add(parameter("q", "query", false, Map.of("type", "string", "maxLength", 200)));
        for (String filter : spec.filters()) {
            parameters.add(parameter(filter, "query", false, fieldType(resource, filter)));
        }
        parameters.add(parameter("sort", "query", false, Map.of("type", "string",
                "enum", spec.columns().stream().filter(Column::sortable).map(Column::key).toList())));
        parameters.add(parameter("dir", "query", false, Map.of("type", "string", "enum", List.of("asc", "desc"))));
        parameters.add(parameter("page", "query", false, Map.of("type", "integer", "minimum", 0)));
        parameters.add(parameter("size", "query", false, Map.of("type", "integer", "minimum", 1, "maximum", RecordPagesSpec.MAX_PAGE_SIZE)));
        Map<String, Object> page = Map.of("type", "object", "properties", Map.of(
                "items", Map.of("type", "array", "items", ref(name)), "total", Map.of("type", "integer"),
                "page", Map.of("type", "integer"), "size", Map.of("type", "integer")));
        return operation(resource.title() + ": list, filter, sort and page", "list" + name, spec.readPermission(), parameters, null,
                Map.of("200", json("One page of records", page), "403", problem("No permission to read")));
    }

    private static Map<String, Object> createOperation(RecordResource<?> resource, String name) {
        return operation(resource.title() + ": create", "create" + name, resource.spec().writePermission(), List.of(), ref(name + "Input"),
                Map.of("201", json("Created; Location and ETag name it", ref(name)), "403", problem("No permission, or another node keeps it"),
                        "413", problem("Body over 64 KiB"), "415", problem("Not JSON"), "422", problem("Invalid fields, each with its message")));
    }

    private static Map<String, Object> readOperation(RecordResource<?> resource, String name) {
        return operation(resource.title() + ": one record", "get" + name, resource.spec().readPermission(), List.of(), null,
                Map.of("200", json("The record; ETag holds its version", ref(name)), "404", problem("No such record")));
    }

    private static Map<String, Object> updateOperation(RecordResource<?> resource, String name) {
        return operation(resource.title() + ": update the version named by If-Match (or the body's version)", "update" + name,
                resource.spec().writePermission(), List.of(parameter("If-Match", "header", false, Map.of("type", "string"))), ref(name + "Input"),
                Map.of("200", json("Saved", ref(name)), "404", problem("No such record"),
                        "409", problem("Changed since the body's version; current holds the record now"),
                        "412", problem("Changed since the If-Match version; current holds the record now"),
                        "422", problem("Invalid fields"), "428", problem("Neither If-Match nor version")));
    }

    /** An operation anyone may call: no permission, no sign-in, and a 401 only for a token that is no longer good. */
    private static Map<String, Object> open(Map<String, Object> operation) {
        operation.put("description", "Open to anyone, signed in or not; shows only what the public may see.");
        operation.put("security", List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        responses.remove("403");
        responses.put("401", problem("An Authorization header with a token that is unknown, revoked or expired"));
        return operation;
    }

    private static Map<String, Object> operation(String summary, String id, String permission, List<Object> parameters, Object body,
            Map<String, Object> responses) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("operationId", id);
        op.put("description", "Needs the permission " + permission + ".");
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (body != null) {
            op.put("requestBody", Map.of("required", true, "content", Map.of("application/json", Map.of("schema", body))));
        }
        Map<String, Object> all = new LinkedHashMap<>(responses);
        all.putIfAbsent("401", problem("Not signed in, or the token is unknown, revoked or expired"));
        op.put("responses", all);
        return op;
    }

    private static Map<String, Object> recordSchema(RecordResource<?> resource, boolean input) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ApiField field : resource.schema()) {
            if (input && field.readOnly()) {
                continue;
            }
            properties.put(field.name(), type(field));
            if (input && field.required()) {
                required.add(field.name());
            }
        }
        if (input) {
            properties.put("version", Map.of("type", "integer", "description", "The version the change was made from, if no If-Match"));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static Map<String, Object> fieldType(RecordResource<?> resource, String name) {
        return resource.schema().stream().filter(f -> f.name().equals(name)).findFirst().map(OpenApiDocument::type)
                .orElse(Map.of("type", "string"));
    }

    private static Map<String, Object> type(ApiField field) {
        Map<String, Object> type = new LinkedHashMap<>();
        switch (field.type()) {
            case INTEGER -> type.put("type", "integer");
            case DATE -> {
                type.put("type", "string");
                type.put("format", "date");
            }
            case DATE_TIME -> {
                type.put("type", "string");
                type.put("format", "date-time");
            }
            case CODE -> {
                type.put("type", "string");
                type.put("enum", field.values());
            }
            default -> type.put("type", "string");
        }
        if (field.readOnly()) {
            type.put("readOnly", true);
        }
        if (!field.required() || field.readOnly()) {
            type.put("nullable", true);
        }
        return type;
    }

    private static Map<String, Object> problemSchema() {
        return Map.of("type", "object", "properties", Map.of("type", Map.of("type", "string"), "title", Map.of("type", "string"),
                "status", Map.of("type", "integer"), "detail", Map.of("type", "string"), "error", Map.of("type", "string"),
                "message", Map.of("type", "string"),
                "fields", Map.of("type", "object", "additionalProperties", Map.of("type", "string")),
                "current", Map.of("type", "object")));
    }

    private static Map<String, Object> parameter(String name, String in, boolean required, Map<String, Object> schema) {
        return Map.of("name", name, "in", in, "required", required, "schema", schema);
    }

    private static Map<String, Object> json(String description, Object schema) {
        return Map.of("description", description, "content", Map.of("application/json", Map.of("schema", schema)));
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content", Map.of("application/problem+json", Map.of("schema", ref("Problem"))));
    }

    private static Map<String, Object> ref(String schema) {
        return Map.of("$ref", "#/components/schemas/" + schema);
    }

    /** {@code /api/missions/missions} gives {@code Missions}, {@code /api/missions/public/missions} {@code PublicMissions}. */
    static String schemaName(RecordResource<?> resource) {
        String last = resource.apiBase().substring(resource.apiBase().lastIndexOf('/') + 1);
        StringBuilder name = new StringBuilder(resource.spec().readByAnyone() ? "Public" : "");
        for (String part : last.split("[-_]")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
