package org.diwan.itkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** What JsonClient sends and how it reads answers, against a JDK HTTP server on loopback that answers as Diwan's API does. */
class JsonClientTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/notes/notes", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie") + " type=" + exchange.getRequestHeaders().getFirst("Content-Type")
                + " if-match=" + exchange.getRequestHeaders().getFirst("If-Match") + " body=" + body);
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (ifMatch != null && !ifMatch.equals("\"3\"")) {
            send(exchange, 412, "application/problem+json", "{\"status\":412,\"current\":{\"text\":\"ملاحظة\"}}", Map.of());
        } else if (exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, "application/json", "{\"id\":7,\"text\":\"ملاحظة\"}", Map.of("ETag", "\"3\"", "Set-Cookie", "DIWANSESSION=s1; Path=/; HttpOnly"));
        } else {
            send(exchange, 200, "text/html", "<p>not json</p>", Map.of());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=UTF-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void aBearerCallSendsTheTokenAndNoCookieAndReadsTheEtag() throws Exception {
        JsonClient.Answer read = JsonClient.bearer(server.getAddress().getPort(), "dwn_abc").get("/api/notes/notes/7");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.get("text").asText()).isEqualTo("ملاحظة");
        assertThat(read.etag()).isEqualTo("\"3\"");
        assertThat(read.isProblem()).isFalse();
        assertThat(seen).containsExactly("GET /api/notes/notes/7 auth=Bearer dwn_abc cookie=null type=null if-match=null body=");
    }

    @Test
    void anObjectIsWrittenAsJsonAndAStaleIfMatchComesBackAsAProblem() throws Exception {
        JsonClient client = JsonClient.bearer(server.getAddress().getPort(), "dwn_abc");
        JsonClient.Answer late = client.put("/api/notes/notes/7", Map.of("text", "متأخرة \"<>\""), "\"2\"");
        assertThat(late.status()).isEqualTo(412);
        assertThat(late.isProblem()).isTrue();
        assertThat(late.get("current").get("text").asText()).isEqualTo("ملاحظة");
        assertThat(seen.get(0)).isEqualTo("PUT /api/notes/notes/7 auth=Bearer dwn_abc cookie=null type=application/json if-match=\"2\""
                + " body={\"text\":\"متأخرة \\\"<>\\\"\"}");
    }

    @Test
    void aJsonTextIsSentAsWrittenAndANonJsonAnswerFailsWhenParsedNotBefore() throws Exception {
        JsonClient.Answer answer = JsonClient.bearer(server.getAddress().getPort(), "dwn_abc").post("/api/notes/notes", "{\"text\": ");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("<p>not json</p>");
        assertThat(seen.get(0)).endsWith("body={\"text\": ");
        assertThatThrownBy(answer::json).isInstanceOf(UncheckedIOException.class).hasMessageContaining("<p>not json</p>");
        assertThatThrownBy(answer::etag).isInstanceOf(AssertionError.class);
    }

    @Test
    void aSessionCallCarriesTheWebClientsCookiesAndNoBearer() throws Exception {
        WebClient web = new WebClient(server.getAddress().getPort());
        JsonClient session = JsonClient.session(web);
        assertThat(session.get("/api/notes/notes/7").status()).isEqualTo(200);
        assertThat(session.put("/api/notes/notes/7", Map.of("text", "x"), "\"3\"").status()).isEqualTo(200);
        assertThat(seen.get(1)).startsWith("PUT /api/notes/notes/7 auth=null cookie=DIWANSESSION=s1 type=application/json if-match=\"3\"");
        JsonClient bearer = JsonClient.bearer(server.getAddress().getPort(), "dwn_abc");
        bearer.get("/api/notes/notes/7");
        bearer.get("/api/notes/notes/7");
        assertThat(seen.get(3)).as("a Bearer client keeps no cookie").contains("cookie=null");
    }
}
