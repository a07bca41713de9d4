package org.diwan.distribution;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.diwan.itkit.WebClient;

/**
 * A browser that connects from a chosen loopback source address (127.0.0.2, …), so that a test can be a
 * second client address on one machine. Java 17's HttpClient cannot bind its source address, hence plain
 * HTTP/1.1 over a socket: one connection per request, cookies and the CSRF token kept as {@link WebClient} does.
 */
final class LoopbackSourceClient {

    record Answer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final InetAddress source;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    LoopbackSourceClient(int port, String sourceAddress) throws IOException {
        this.port = port;
        this.source = InetAddress.getByName(sourceAddress);
    }

    Answer get(String path) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\n", null);
    }

    /** POSTs a form with the CSRF token of the last page. */
    Answer post(String path, Map<String, String> fields) throws IOException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send("POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n", body);
    }

    private Answer send(String head, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(head).append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            if (!cookies.isEmpty()) {
                request.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] raw = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
        String body = new String(chunked ? dechunk(raw) : raw, StandardCharsets.UTF_8);
        for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
            String[] nameValue = cookie.split(";", 2)[0].split("=", 2);
            if (cookie.contains("Max-Age=0") || "deleteMe".equals(nameValue[1])) {
                cookies.remove(nameValue[0].trim());
            } else {
                cookies.put(nameValue[0].trim(), nameValue[1].trim());
            }
        }
        Matcher m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOf(raw, at);
            int size = Integer.parseInt(new String(raw, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(raw, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        return raw.length;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
