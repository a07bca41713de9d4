package org.diwan.itkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A department's JSON API as an integrator's script or the department's own pages call it: with an API token
 * ({@link #bearer}: {@code Authorization: Bearer}, no cookies, no CSRF), with a logged-in {@link WebClient}'s session
 * ({@link #session}: its cookies and CSRF token), or as nobody ({@link #anonymous}). A body is a JSON text sent as
 * written (malformed ones included) or any other object, written by Jackson; every answer comes back whole
 * ({@link Answer}: status, headers, body, the body parsed on demand), errors included, since they are what tests
 * look at.
 */
public final class JsonClient {

    private static final String JSON = "application/json";

    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;
    private final String token;
    private final WebClient session;
    private final HttpClient http;

    private JsonClient(String base, String token, WebClient session) {
        this.base = base;
        this.token = token;
        this.session = session;
        this.http = session != null ? null
                : HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Calls with {@code Authorization: Bearer <token>} and nothing else: no cookie is sent or kept. */
    public static JsonClient bearer(DiwanNode node, String token) {
        return bearer(node.httpPort(), token);
    }

    /** {@link #bearer(DiwanNode, String)} for the node listening on {@code port} of loopback. */
    public static JsonClient bearer(int port, String token) {
        return new JsonClient("http://127.0.0.1:" + port, token, null);
    }

    /** Calls with {@code client}'s session: its cookies and its CSRF token ({@code X-CSRF-Token}) on every call. */
    public static JsonClient session(WebClient client) {
        return new JsonClient(null, null, client);
    }

    /** Calls with no credentials at all (public APIs, and the 401 of the others). */
    public static JsonClient anonymous(DiwanNode node) {
        return new JsonClient("http://127.0.0.1:" + node.httpPort(), null, null);
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, Map.of());
    }

    /** POSTs {@code body}: a JSON text as written, or an object (a map, a record) written as JSON. */
    public Answer post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body, Map.of());
    }

    public Answer put(String path, Object body) throws IOException, InterruptedException {
        return send("PUT", path, body, Map.of());
    }

    /** A PUT that holds only if the record is still the version {@code etag} names ({@code If-Match}: 412 if not). */
    public Answer put(String path, Object body, String etag) throws IOException, InterruptedException {
        return send("PUT", path, body, Map.of("If-Match", etag));
    }

    public Answer delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null, Map.of());
    }

    /** Any method, any extra headers; {@code body} as for {@link #post}, {@code null} for none. */
    public Answer send(String method, String path, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        return send(method, path, body == null ? null : JSON, body, headers);
    }

    /** With a content type of the caller's choosing ({@code text/plain} for a 415, say); {@code body} as for {@link #post}. */
    public Answer send(String method, String path, String contentType, Object body, Map<String, String> headers)
            throws IOException, InterruptedException {
        String text = body == null ? null : body instanceof String ? (String) body : json(body);
        Map<String, String> all = new LinkedHashMap<>(headers);
        HttpResponse<String> response;
        if (session != null) {
            response = session.sendWith(method, path, contentType, text, all);
        } else {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            all.forEach(request::header);
            if (text == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        return new Answer(response.statusCode(), response.headers(), response.body(), mapper);
    }

    /** {@code value} as JSON text. */
    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + value, e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** One answer, whatever its status; {@link #json()} parses the body (a record, a list, a problem document). */
    public static final class Answer {

        private final int status;
        private final HttpHeaders headers;
        private final String body;
        private final ObjectMapper mapper;
        private JsonNode parsed;

        Answer(int status, HttpHeaders headers, String body, ObjectMapper mapper) {
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.mapper = mapper;
        }

        public int status() {
            return status;
        }

        public HttpHeaders headers() {
            return headers;
        }

        public String body() {
            return body;
        }

        /** The body parsed; fails, quoting it, when it is not JSON. */
        public JsonNode json() {
            if (parsed == null) {
                try {
                    parsed = mapper.readTree(body);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("answer " + status + " is not JSON: " + body, e);
                }
            }
            return parsed;
        }

        /** A field of the parsed body ({@code json().get(name)}), {@code null} when absent. */
        public JsonNode get(String name) {
            return json().get(name);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** Whether the body is an RFC 9457 problem document ({@code application/problem+json}). */
        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        /** The {@code ETag} naming the version read, for {@link JsonClient#put(String, Object, String)}. */
        public String etag() {
            return header("ETag").orElseThrow(() -> new AssertionError("no ETag in answer " + status + ": " + headers.map()));
        }

        public List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }
}
