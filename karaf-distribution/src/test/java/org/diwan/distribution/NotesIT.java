package org.diwan.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.diwan.itkit.AdminPages;
import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.JsonClient;
import org.diwan.itkit.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The test plugin's notes department on a booted node, written with the process-level kit as a department's own
 * test would be: its pages (list, a form refused then saved), its JSON API with tokens (within scope and beyond
 * it, If-Match) and its workflow's notifications in the inbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesIT {

    private static final String READ = "notes:note:read";
    private static final String WRITE = "notes:note:write";
    private static final String API = "/api/notes/notes";

    private DiwanNode node;
    private AdminPages admin;
    private WebClient writer;

    @BeforeAll
    void start() throws Exception {
        node = DiwanNode.unpack("notes-it").withAdmin("chief", "notes it secret")
                .withPlugin("diwan-notes", Path.of(System.getProperty("diwan.testPlugin"))).start().awaitHttp();
        admin = AdminPages.of(node);
        admin.client().awaitStatus("/diwan/notes", 200);
        admin.role("notes-writer", READ, WRITE).role("notes-approver", READ, "notes:note:approve")
                .user("writer", "كاتب", "ink wells run deep", "notes-writer").user("approver", "معتمِد", "seals of the diwan", "notes-approver");
        writer = WebClient.loggedIn(node, "writer", "ink wells run deep");
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aFormIsRefusedWithMarkupThenSavedAndListed() throws Exception {
        writer.get("/diwan/notes/new");
        assertThat(writer.post("/diwan/notes/new", Map.of("text", "ملاحظة <b>بالعربية</b>"), true).statusCode()).isEqualTo(422);
        HttpResponse<String> saved = writer.post("/diwan/notes/new", Map.of("text", "ملاحظة القائمة: ١ < ٢"), true);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).matches(".*/diwan/notes/[0-9]+\\?saved=1");
        assertThat(writer.get("/diwan/notes").body()).contains("ملاحظة القائمة: ١ &lt; ٢");
        assertThat(writer.get("/diwan/notes?q=" + URLEncoder.encode("القائمة", UTF_8)).body()).contains("ملاحظة القائمة").doesNotContain("زيتونة");
    }

    @Test
    void aTokenWritesWithinItsScopeOnlyAndIfMatchStopsALateEdit() throws Exception {
        JsonClient reading = JsonClient.bearer(node, admin.token("writer", "read only", READ));
        JsonClient writing = JsonClient.bearer(node, admin.token("writer", "read and write", READ, WRITE));
        assertThat(reading.get(API).status()).isEqualTo(200);
        JsonClient.Answer refused = reading.post(API, Map.of("text", "بالرمز"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();

        JsonClient.Answer created = writing.post(API, Map.of("text", "بالرمز"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String note = API + "/" + created.get("id").asText();
        String etag = writing.get(note).etag();
        assertThat(writing.put(note, Map.of("text", "معدّلة"), etag).status()).isEqualTo(200);
        JsonClient.Answer late = writing.put(note, Map.of("text", "متأخرة"), etag);
        assertThat(late.status()).isEqualTo(412);
        assertThat(late.get("current").get("text").asText()).isEqualTo("معدّلة");
        assertThat(JsonClient.anonymous(node).get(API).status()).isEqualTo(401);
    }

    @Test
    void submittingTellsTheApproversAndApprovingTellsTheWriter() throws Exception {
        writer.get("/diwan/notes/new");
        String page = writer.post("/diwan/notes/new", Map.of("text", "ملاحظة زيتونة"), true).headers().firstValue("Location").orElseThrow()
                .replaceAll("^.*(/diwan/notes/[0-9]+).*$", "$1");
        String id = page.substring(page.lastIndexOf('/') + 1);
        writer.get(page);
        assertThat(writer.post(page + "/submit", Map.of("step", "1"), true).statusCode()).isEqualTo(302);

        WebClient approver = WebClient.loggedIn(node, "approver", "seals of the diwan");
        assertThat(approver.get("/notifications").body()).contains("قدّم writer الملاحظة " + id);
        approver.get(page);
        assertThat(approver.post(page + "/approve", Map.of("step", "2"), true).statusCode()).isEqualTo(302);
        assertThat(writer.get("/notifications").body()).contains("اعتمد approver ملاحظتك " + id);
        assertThat(writer.get("/diwan/notes?q=" + URLEncoder.encode("زيتونة", UTF_8)).body()).as("the list shows where each note stands")
                .containsPattern("<td class=\"state\">معتمدة</td>");
    }
}
