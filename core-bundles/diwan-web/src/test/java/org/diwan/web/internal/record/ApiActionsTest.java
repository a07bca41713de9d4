package org.diwan.web.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.Upload;
import org.junit.jupiter.api.Test;

class ApiActionsTest {

    private static final Set<String> READER = Set.of("notes:read");
    private static final Set<String> WRITER = Set.of("notes:read", "notes:write");
    private static final Set<String> ARCHIVIST = Set.of("notes:read", "notes:archive");

    private final Notebook notebook = new Notebook();
    private final ApiFlow flow = new ApiFlow((key, language, args) -> key + List.of(args));
    private final JsonBodyReader reader = new JsonBodyReader();

    @Test
    void anActionNeedsItsOwnPermissionBeforeItsBodyIsReadAndAnswersTheRecordAsItIsNow() throws SQLException {
        notebook.add("minutes", "GREEN");
        ApiBody untouchable = () -> fail("the body was read before the action's permission was decided");
        assertThat(call("POST", List.of("n1", "archive"), untouchable, WRITER)).isEqualTo(ApiAnswer.Problem.of(403, "forbidden", "error.forbidden"));
        assertThat(call("POST", List.of("n9", "archive"), untouchable, ARCHIVIST)).isEqualTo(ApiAnswer.Problem.of(404, "not-found", "error.notfound"));

        ApiAnswer.Json done = (ApiAnswer.Json) call("POST", List.of("n1", "archive"), json("{\"reason\": \"قديمة\"}"), ARCHIVIST);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.headers()).containsEntry("ETag", "\"1\"").containsEntry("Content-Location", "/api/notes/notes/n1");
        assertThat(notebook.lastActionForm).isEqualTo(Map.of("reason", "قديمة"));
    }

    @Test
    void anUnusableBodyOrARefusalIsAProblemAndAnActionOnAnItemNamesIt() throws SQLException {
        notebook.add("locked", "GREEN");
        assertThat(call("POST", List.of("n1", "archive"), json("[1, 2]"), ARCHIVIST))
                .isInstanceOfSatisfying(ApiAnswer.Problem.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThat(call("POST", List.of("n1", "archive"), () -> read("text/plain", "archive"), ARCHIVIST))
                .isInstanceOfSatisfying(ApiAnswer.Problem.class, p -> assertThat(p.status()).isEqualTo(415));
        ApiAnswer.Problem locked = (ApiAnswer.Problem) call("POST", List.of("n1", "archive"), json("{}"), ARCHIVIST);
        assertThat(locked.status()).isEqualTo(422);
        assertThat(locked.code()).isEqualTo("invalid");
        assertThat(locked.messageKey()).isEqualTo("notes.locked");
        assertThat(locked.args()).as("the message's arguments reach the caller's text").containsExactly("locked");

        assertThat(((ApiAnswer.Json) call("POST", List.of("n1", "tick", "i1"), json("{}"), WRITER)).status()).isEqualTo(200);
        assertThat(notebook.lastInput.item()).contains("i1");
        ApiAnswer.Problem noItem = (ApiAnswer.Problem) call("POST", List.of("n1", "tick", "i2"), json("{}"), WRITER);
        assertThat(noItem.status()).isEqualTo(422);
        assertThat(noItem.fields()).isEqualTo(Map.of("item", "notes.noSuchItem[]"));
    }

    @Test
    void anUploadGoesThroughItsActionAndItsFileComesBack() throws SQLException {
        notebook.add("minutes", "GREEN");
        ApiBody upload = body(new FormBody.FileResult.Received(upload("جدول الأعمال.txt", "بنود")));
        assertThat(((ApiAnswer.Json) call("POST", List.of("n1", "attach"), upload, WRITER)).status()).isEqualTo(200);
        ApiAnswer.File file = (ApiAnswer.File) call("GET", List.of("n1", "attachments", "جدول الأعمال.txt"), null, READER);
        assertThat(file.file().fileName()).isEqualTo("جدول الأعمال.txt");

        assertThat(((ApiAnswer.Problem) call("POST", List.of("n1", "attach"), body(new FormBody.FileResult.TooLarge(1024)), WRITER)).status())
                .isEqualTo(413);
        assertThat(((ApiAnswer.Problem) call("POST", List.of("n1", "attach"), body(new FormBody.FileResult.Missing()), WRITER)).status())
                .isEqualTo(422);
        assertThat(call("POST", List.of("n1", "attach"), () -> fail("read for a reader"), READER))
                .isEqualTo(ApiAnswer.Problem.of(403, "forbidden", "error.forbidden"));
    }

    @Test
    void unknownActionsAndFilesAreNotFoundAndWrongMethodsNotAllowed() throws SQLException {
        notebook.add("minutes", "GREEN");
        ApiAnswer.Problem notFound = ApiAnswer.Problem.of(404, "not-found", "error.notfound");
        ApiAnswer.Problem notAllowed = ApiAnswer.Problem.of(405, "method-not-allowed", "error.method");
        assertThat(call("GET", List.of("n1", "attachments", "none.txt"), null, READER)).isEqualTo(notFound);
        assertThat(call("GET", List.of("n9", "attachments", "none.txt"), null, READER)).isEqualTo(notFound);
        assertThat(call("POST", List.of("n1", "delete"), json("{}"), WRITER)).isEqualTo(notFound);
        assertThat(call("POST", List.of("n1", "archive", "x"), json("{}"), WRITER)).isEqualTo(notFound);
        assertThat(call("GET", List.of("n1", "archive", "x", "y"), null, WRITER)).isEqualTo(notFound);
        assertThat(call("GET", List.of("n1", "archive"), null, WRITER)).isEqualTo(notAllowed);
        assertThat(call("PUT", List.of("n1", "attachments", "a.txt"), null, WRITER)).isEqualTo(notAllowed);
        assertThat(call("GET", List.of("n1", "attachments", "a.txt"), null, Set.of())).isEqualTo(ApiAnswer.Problem.of(403, "forbidden", "error.forbidden"));
    }

    @Test
    void recordsAnyoneMayReadTakeNoActionThroughTheApi() throws SQLException {
        Notebook open = Notebook.open("/api/notes/public/notes");
        open.add("agenda", "GREEN");
        assertThat(flow.handle("POST", request(List.of("n1", "archive"), ARCHIVIST), null, () -> fail("read"), open))
                .isEqualTo(ApiAnswer.Problem.of(405, "method-not-allowed", "error.method"));
    }

    private ApiAnswer call(String method, List<String> path, ApiBody body, Set<String> permissions) throws SQLException {
        return flow.handle(method, request(path, permissions), null, body, notebook);
    }

    private ApiBody json(String text) {
        return () -> read("application/json", text);
    }

    private static ApiBody body(FormBody.FileResult file) {
        return new ApiBody() {
            @Override
            public JsonBody json() {
                throw new AssertionError("an upload is a multipart form");
            }

            @Override
            public FormBody form() {
                return new FormBody() {
                    @Override
                    public Map<String, String> fields() {
                        return Map.of();
                    }

                    @Override
                    public FileResult file(String field) {
                        assertThat(field).isEqualTo("file");
                        return file;
                    }
                };
            }
        };
    }

    private JsonBody read(String type, String text) {
        try {
            return reader.read(type, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Upload upload(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Upload() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }

    private static PageRequest request(List<String> path, Set<String> permissions) {
        return new PageRequest(path, Map.of(), Language.EN, "amina", "10.0.0.9", permissions::contains);
    }
}
