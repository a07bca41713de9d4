package org.diwan.missions.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.i18n.Messages;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.Pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every JSON endpoint of the department does the same way: reading a request's object (JSON only, at
 * most {@value #MAX_BODY} bytes, values texts or numbers), permission refusals, and errors as
 * {@code {"error": code, "message": text in the caller's language, "fields": {...}}}.
 */
final class JsonApi {

    static final int MAX_BODY = 64 * 1024;
    private static final long DRAIN = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final CurrentUser user;
    private final Pages pages;
    private final Messages messages;

    JsonApi(CurrentUser user, Pages pages, Messages messages) {
        this.user = user;
        this.pages = pages;
        this.messages = messages;
    }

    /** The request's JSON object as field name to text; empty, with the error already sent, when unusable. */
    Optional<Map<String, String>> body(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            error(request, response, 415, "unsupported-media-type", "missions.api.json-only", Map.of());
            return Optional.empty();
        }
        JsonNode node;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                // read on a little, so that a client still sending gets the answer instead of a reset connection
                in.skip(DRAIN);
                error(request, response, 413, "too-large", "missions.api.too-large", Map.of());
                return Optional.empty();
            }
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            error(request, response, 400, "malformed", "missions.api.malformed", Map.of());
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            error(request, response, 400, "malformed", "missions.api.malformed", Map.of());
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> wrongTypes = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isTextual() || value.isNumber()) {
                fields.put(e.getKey(), value.asText());
            } else if (!value.isNull()) {
                wrongTypes.put(e.getKey(), text(request, "missions.api.wrong-type"));
            }
        });
        if (!wrongTypes.isEmpty()) {
            error(request, response, 422, "invalid", "validation.summary", wrongTypes);
            return Optional.empty();
        }
        return Optional.of(fields);
    }

    boolean permitted(HttpServletRequest request, HttpServletResponse response, String permission) throws IOException {
        if (user.isPermitted(permission)) {
            return true;
        }
        error(request, response, 403, "forbidden", "error.forbidden", Map.of());
        return false;
    }

    void invalid(HttpServletRequest request, HttpServletResponse response, Validation v) throws IOException {
        error(request, response, 422, "invalid", "validation.summary", Requests.localized(v.errors(), messages, pages.language(request)));
    }

    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        error(request, response, 404, "not-found", "error.notfound", Map.of());
    }

    /** 409 with the record as it is now. */
    void conflict(HttpServletRequest request, HttpServletResponse response, Object current) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "conflict");
        body.put("message", text(request, "missions.conflict"));
        body.put("current", current);
        send(response, 409, body);
    }

    /**
     * A refusal as an RFC 9457 problem document, as the shell answers its own refusals under {@code /api/}: the
     * standard members ({@code type}, {@code title}, {@code status}, {@code detail}) and this API's {@code error}
     * code, {@code message} and, for invalid input, {@code fields}.
     */
    void error(HttpServletRequest request, HttpServletResponse response, int status, String code, String messageKey,
            Map<String, String> fields) throws IOException {
        String message = text(request, messageKey);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", text(request, "error.title"));
        body.put("status", status);
        body.put("detail", message);
        body.put("error", code);
        body.put("message", message);
        if (!fields.isEmpty()) {
            body.put("fields", fields);
        }
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    String actor() {
        return user.username().orElse("anonymous");
    }

    String address() {
        return user.address();
    }

    private String text(HttpServletRequest request, String key) {
        return messages.get(key, pages.language(request));
    }
}
