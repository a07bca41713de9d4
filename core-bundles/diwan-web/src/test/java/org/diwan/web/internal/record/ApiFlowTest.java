package org.diwan.web.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.diwan.api.web.record.PageRequest;
import org.junit.jupiter.api.Test;

class ApiFlowTest {

    private static final Set<String> READER = Set.of("notes:read");
    private static final Set<String> WRITER = Set.of("notes:read", "notes:write");

    private final Notebook notebook = new Notebook();
    private final ApiFlow flow = new ApiFlow((key, language, args) -> key + List.of(args));
    private final JsonBodyReader reader = new JsonBodyReader();

    @Test
    void aCallerWithoutPermissionIsRefusedBeforeAnyBodyIsRead() throws SQLException {
        notebook.add("minutes", "GREEN");
        ApiBody untouchable = () -> fail("the body was read before the permission was decided");
        assertThat(call("GET", List.of(), null, untouchable, Set.of())).isEqualTo(problem(403, "forbidden"));
        assertThat(call("POST", List.of(), null, untouchable, READER)).isEqualTo(problem(403, "forbidden"));
        assertThat(call("PUT", List.of("n1"), "\"1\"", untouchable, READER)).isEqualTo(problem(403, "forbidden"));
        notebook.readOnlyHere = true;
        assertThat(call("PUT", List.of("n1"), "\"1\"", untouchable, WRITER)).isEqualTo(problem(403, "read-only"));
    }

    @Test
    void aRecordIsReadWithItsVersionAsETagAndAnUnknownOneIsNotFound() throws SQLException {
        notebook.add("minutes", "GREEN");
        ApiAnswer.Json read = (ApiAnswer.Json) call("GET", List.of("n1"), null, null, READER);
        assertThat(read.headers()).containsEntry("ETag", "\"1\"");
        assertThat(call("GET", List.of("n9"), null, null, READER)).isEqualTo(problem(404, "not-found"));
        assertThat(call("GET", List.of("n1", "edit"), null, null, READER)).isEqualTo(problem(404, "not-found"));
        assertThat(call("DELETE", List.of("n1"), null, null, WRITER)).isEqualTo(problem(405, "method-not-allowed"));
    }

    @Test
    void aCreatedRecordAnswers201WithItsLocationAndOnlySchemaFieldsReachTheEditor() throws Exception {
        ApiAnswer.Json created = (ApiAnswer.Json) call("POST", List.of(), null,
                body("{\"title\": \"agenda\", \"colour\": \"RED\", \"id\": \"mine\", \"version\": 40, \"owner\": \"x\"}"), WRITER);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers()).containsEntry("Location", "/api/notes/notes/n1").containsEntry("ETag", "\"1\"");
        assertThat(notebook.lastFields).isEqualTo(Map.of("title", "agenda", "colour", "RED"));
    }

    @Test
    void badBodiesAreRefusedWholeWithTheirOwnStatus() throws Exception {
        assertThat(call("POST", List.of(), null, () -> read("text/plain", "title=x"), WRITER)).extracting(a -> ((ApiAnswer.Problem) a).status())
                .isEqualTo(415);
        assertThat(((ApiAnswer.Problem) call("POST", List.of(), null, body("{\"title\": "), WRITER)).status()).isEqualTo(400);
        assertThat(((ApiAnswer.Problem) call("POST", List.of(), null, body("[1, 2]"), WRITER)).status()).isEqualTo(400);
        assertThat(((ApiAnswer.Problem) call("POST", List.of(), null, body("[".repeat(5000)), WRITER)).status()).isEqualTo(400);
        assertThat(((ApiAnswer.Problem) call("POST", List.of(), null, body("{\"t\": \"" + "x".repeat(70_000) + "\"}"), WRITER)).status())
                .isEqualTo(413);
        ApiAnswer.Problem wrongType = (ApiAnswer.Problem) call("POST", List.of(), null, body("{\"title\": [\"x\"], \"colour\": {}}"), WRITER);
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.fields()).containsOnlyKeys("title", "colour");
        ApiAnswer.Problem invalid = (ApiAnswer.Problem) call("POST", List.of(), null, body("{\"title\": \"\"}"), WRITER);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.fields()).isEqualTo(Map.of("title", "validation.required[]"));
        assertThat(notebook.notes).isEmpty();
    }

    @Test
    void anUpdateNamesItsVersionByIfMatchOrInTheBodyAndAStaleOneGetsTheCurrentRecord() throws Exception {
        notebook.add("minutes", "GREEN");
        ApiAnswer.Json saved = (ApiAnswer.Json) call("PUT", List.of("n1"), "\"1\"", body("{\"title\": \"minutes 2\"}"), WRITER);
        assertThat(saved.headers()).containsEntry("ETag", "\"2\"");

        ApiAnswer.Problem byTag = (ApiAnswer.Problem) call("PUT", List.of("n1"), "W/\"1\"", body("{\"title\": \"mine\"}"), WRITER);
        assertThat(byTag.status()).isEqualTo(412);
        assertThat(byTag.current()).isEqualTo(Map.of("id", "n1", "title", "minutes 2", "colour", "GREEN", "version", 2));

        ApiAnswer.Problem byBody = (ApiAnswer.Problem) call("PUT", List.of("n1"), null, body("{\"title\": \"mine\", \"version\": 1}"), WRITER);
        assertThat(byBody.status()).isEqualTo(409);
        assertThat(byBody.code()).isEqualTo("conflict");

        assertThat(((ApiAnswer.Problem) call("PUT", List.of("n1"), null, body("{\"title\": \"mine\"}"), WRITER)).status()).isEqualTo(428);
        assertThat(((ApiAnswer.Problem) call("PUT", List.of("n1"), "*", body("{\"title\": \"mine\"}"), WRITER)).status()).isEqualTo(412);
        assertThat(notebook.notes.get("n1").title()).isEqualTo("minutes 2");
    }

    @Test
    void aListPagesWithAClampedSizeAndTheDeclaredFiltersOnly() throws SQLException {
        for (int i = 0; i < 5; i++) {
            notebook.add("n" + i, "RED");
        }
        ApiAnswer.Json page = (ApiAnswer.Json) flow.handle("GET", request(List.of(), Map.of("size", "9999", "colour", "RED", "x", "y"), READER),
                null, () -> fail("no body on GET"), notebook);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) page.body();
        assertThat(body).containsEntry("total", 5L).containsEntry("size", 200);
        assertThat(notebook.queries.get(0).filters()).isEqualTo(Map.of("colour", "RED"));
    }

    @Test
    void recordsOpenToAnyoneAreReadWithoutAnyPermissionAndNeverWritten() throws SQLException {
        Notebook open = Notebook.open("/api/notes/public/notes");
        open.add("agenda", "GREEN");
        ApiBody untouchable = () -> fail("a body was read for a public resource");

        ApiAnswer.Json list = (ApiAnswer.Json) flow.handle("GET", request(List.of(), Map.of(), Set.of()), null, untouchable, open);
        assertThat(list.status()).isEqualTo(200);
        assertThat(((ApiAnswer.Json) flow.handle("HEAD", request(List.of("n1"), Map.of(), Set.of()), null, untouchable, open)).status())
                .isEqualTo(200);
        // not even a writer writes there: the same records are written where their permission is checked
        assertThat(flow.handle("POST", request(List.of(), Map.of(), WRITER), null, untouchable, open)).isEqualTo(problem(405, "method-not-allowed"));
        assertThat(flow.handle("PUT", request(List.of("n1"), Map.of(), WRITER), "\"1\"", untouchable, open))
                .isEqualTo(problem(405, "method-not-allowed"));
        assertThat(open.lastFields).isNull();
    }

    @Test
    void recordsWithoutAFormAreReadButNeverWrittenThroughTheApi() throws SQLException {
        Notebook actionsOnly = Notebook.withoutForm();
        actionsOnly.add("agenda", "GREEN");
        ApiBody untouchable = () -> fail("a body was read for records without a form");
        assertThat(((ApiAnswer.Json) flow.handle("GET", request(List.of("n1"), Map.of(), WRITER), null, untouchable, actionsOnly)).status())
                .isEqualTo(200);
        assertThat(flow.handle("POST", request(List.of(), Map.of(), WRITER), null, untouchable, actionsOnly))
                .isEqualTo(problem(405, "method-not-allowed"));
        assertThat(flow.handle("PUT", request(List.of("n1"), Map.of(), WRITER), "\"1\"", untouchable, actionsOnly))
                .isEqualTo(problem(405, "method-not-allowed"));
        assertThat(actionsOnly.lastFields).isNull();
    }

    @Test
    void recordsDeclaredOpenOutsideThePublicApiAreClosed() throws SQLException {
        for (String base : List.of("/api/notes/notes", "/api/notes/publicity", "/diwan/notes/public/notes", "/api/notes/public/../notes")) {
            Notebook misdeclared = Notebook.open(base);
            misdeclared.add("agenda", "GREEN");
            assertThat(flow.handle("GET", request(List.of(), Map.of(), WRITER), null, null, misdeclared)).as(base)
                    .isEqualTo(problem(403, "forbidden"));
        }
    }

    private ApiAnswer call(String method, List<String> path, String ifMatch, ApiBody body, Set<String> permissions)
            throws SQLException {
        return flow.handle(method, request(path, Map.of(), permissions), ifMatch, body, notebook);
    }

    private ApiBody body(String json) {
        return () -> read("application/json; charset=utf-8", json);
    }

    private JsonBody read(String type, String text) {
        try {
            return reader.read(type, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ApiAnswer.Problem problem(int status, String code) {
        String key = switch (code) {
            case "forbidden" -> "error.forbidden";
            case "not-found" -> "error.notfound";
            case "method-not-allowed" -> "error.method";
            default -> "notes.keptElsewhere";
        };
        return new ApiAnswer.Problem(status, code, key, Map.of(), null);
    }

    private static PageRequest request(List<String> path, Map<String, String> params, Set<String> permissions) {
        return new PageRequest(path, params, Language.EN, "omar", "192.0.2.7", permissions::contains);
    }
}
