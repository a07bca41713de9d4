package org.diwan.itkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the HTTP tests need one: keeps cookies by hand (Java's CookieManager will not send
 * Secure cookies over plain HTTP, which Diwan serves on loopback), never follows redirects, and reads the
 * CSRF token out of the last page ({@code _csrf} of a form, sent back as a field or as {@code X-CSRF-Token}).
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    /** A client with no session yet (a visitor), for the node listening on {@code port} of loopback. */
    public WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A client with no session yet (a visitor) of {@code node}. */
    public WebClient(DiwanNode node) {
        this(node.httpPort());
    }

    /** A client logged in as the node's administrator ({@link DiwanNode#withAdmin}). */
    public static WebClient loggedIn(DiwanNode node) throws Exception {
        return loggedIn(node.httpPort(), node.adminUser(), node.adminPassword());
    }

    /** A client logged in as {@code user} on {@code node}; fails the test when refused. */
    public static WebClient loggedIn(DiwanNode node, String user, String password) throws Exception {
        return loggedIn(node.httpPort(), user, password);
    }

    /** A client logged in as {@code user}, once the node's login page answers; fails the test when refused. */
    public static WebClient loggedIn(int port, String user, String password) throws Exception {
        WebClient client = new WebClient(port);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.get("/login").statusCode() == 200);
        HttpResponse<String> login = client.post("/login", Map.of("username", user, "password", password), true);
        org.assertj.core.api.Assertions.assertThat(login.statusCode()).as("login of " + user).isEqualTo(302);
        client.get("/");
        return client;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * Waits until a GET of {@code path} answers {@code status} (a plugin's page registering after boot, a role
     * change applying); fails after 90 seconds with what it last answered.
     */
    public WebClient awaitStatus(String path, int status) {
        org.awaitility.Awaitility.await(path + " answering " + status).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> get(path).statusCode() == status);
        return this;
    }

    /** POSTs a form, adding the CSRF token of the last page unless the fields say otherwise. */
    public HttpResponse<String> post(String path, Map<String, String> fields, boolean withCsrf) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (withCsrf && csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * POSTs a form whose fields may repeat ({@code name, value, name, value, …}: a role's permissions, say), with
     * the session's CSRF token as header.
     */
    public HttpResponse<String> postPairs(String path, List<String> pairs) throws IOException, InterruptedException {
        if (pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("names and values in pairs: " + pairs);
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(enc(pairs.get(i))).append('=').append(enc(pairs.get(i + 1)));
        }
        return send("POST", path, "application/x-www-form-urlencoded", body.toString());
    }

    /** Sends a JSON body (or any text with the given content type) with the session's CSRF token as header. */
    public HttpResponse<String> send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
        return sendWith(method, path, contentType, body, Map.of());
    }

    /**
     * {@link #send} with extra headers ({@code If-Match}, say); a {@code null} body sends none (and no content type).
     * The session's cookies and CSRF token go with it.
     */
    public HttpResponse<String> sendWith(String method, String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        headers.forEach(builder::header);
        if (csrf != null) {
            builder.header("X-CSRF-Token", csrf);
        }
        return send(builder);
    }

    /** POSTs one file as multipart/form-data (field {@code file}), the way a browser's upload form does. */
    public HttpResponse<String> upload(String path, String fileName, String contentType, byte[] content) throws IOException, InterruptedException {
        String boundary = "----diwan" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET whose body is kept as bytes (downloads). */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(20));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Status and body of a GET whose path is sent byte for byte as written (HTTP clients would fix it up). */
    public record Raw(int status, String body) {
    }

    public Raw getRaw(String rawPath) throws IOException {
        URI uri = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            String request = "GET " + rawPath + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int split = answer.indexOf("\r\n\r\n");
            return new Raw(status, split < 0 ? "" : answer.substring(split + 4));
        }
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public String csrf() {
        return csrf;
    }

    /** The session's cookies as one {@code Cookie} header, for a load generator sharing this login across threads. */
    public String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        builder.timeout(Duration.ofSeconds(20));
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String header : setCookies(response)) {
            String[] nameValue = header.split(";", 2)[0].split("=", 2);
            boolean expired = header.contains("Max-Age=0") || "deleteMe".equals(nameValue[1]);
            if (expired) {
                cookies.remove(nameValue[0].trim());
            } else {
                cookies.put(nameValue[0].trim(), nameValue[1].trim());
            }
        }
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
