package org.diwan.web.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.diwan.api.web.record.PageRequest;
import org.junit.jupiter.api.Test;

class RecordFlowTest {

    private static final Set<String> READER = Set.of("notes:read");
    private static final Set<String> WRITER = Set.of("notes:read", "notes:write");

    private final Notebook notebook = new Notebook();
    /** Messages as the key and its arguments, so that tests see which text a page would show. */
    private final RecordFlow flow = new RecordFlow((key, language, args) -> key + List.of(args));

    @Test
    void aVisitorWithoutTheReadPermissionGetsForbiddenOnEveryPage() throws SQLException {
        notebook.add("minutes", "GREEN");
        for (List<String> path : List.of(List.<String>of(), List.of("n1"), List.of("new"), List.of("n1", "edit"))) {
            assertThat(get(path, Map.of(), Set.of())).isEqualTo(new Answer.Refusal(403, "error.forbidden"));
        }
    }

    @Test
    void aReaderMayNotOpenOrSubmitAFormAndNoFormIsReadForHim() throws SQLException {
        notebook.add("minutes", "GREEN");
        FormBody untouchable = untouchable("the body was read before the permission was decided");
        assertThat(get(List.of("new"), Map.of(), READER)).isEqualTo(new Answer.Refusal(403, "error.forbidden"));
        assertThat(flow.handle("POST", request(List.of("new"), Map.of(), READER), untouchable, notebook))
                .isEqualTo(new Answer.Refusal(403, "error.forbidden"));
        assertThat(flow.handle("POST", request(List.of("n1", "edit"), Map.of(), READER), untouchable, notebook))
                .isEqualTo(new Answer.Refusal(403, "error.forbidden"));
        assertThat(notebook.lastFields).isNull();
    }

    @Test
    void aRecordAnotherNodeKeepsIsShownButNotEditable() throws SQLException {
        notebook.add("minutes", "GREEN");
        notebook.readOnlyHere = true;
        assertThat(get(List.of("n1", "edit"), Map.of(), WRITER)).isEqualTo(new Answer.Refusal(403, "notes.keptElsewhere"));
        assertThat(post(List.of("new"), Map.of("title", "x"))).isEqualTo(new Answer.Refusal(403, "notes.keptElsewhere"));
        Answer.Page detail = (Answer.Page) get(List.of("n1"), Map.of(), WRITER);
        assertThat(detail.model()).containsEntry("canWrite", false).containsEntry("readOnlyHere", "notes.keptElsewhere");
    }

    @Test
    void unknownRecordsAndPathsAreNotFound() throws SQLException {
        assertThat(get(List.of("n404"), Map.of(), WRITER)).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(get(List.of("n404", "edit"), Map.of(), WRITER)).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(post(List.of("n404", "edit"), Map.of("title", "x"))).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        notebook.add("minutes", "GREEN");
        assertThat(get(List.of("n1", "delete"), Map.of(), WRITER)).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(get(List.of("n1", "edit", "more"), Map.of(), WRITER)).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(post(List.of(), Map.of())).isEqualTo(new Answer.Refusal(405, "error.method"));
        assertThat(flow.handle("DELETE", request(List.of("n1"), Map.of(), WRITER), FormBody.of(Map.of()), notebook))
                .isEqualTo(new Answer.Refusal(405, "error.method"));
    }

    @Test
    void recordsWithoutAFormHaveNoNewOrEditPageButTheirListDetailAndActions() throws SQLException {
        Notebook actionsOnly = Notebook.withoutForm();
        actionsOnly.add("minutes", "GREEN");
        FormBody untouchable = untouchable("a form was read for records without one");
        for (List<String> path : List.of(List.of("new"), List.of("n1", "edit"))) {
            assertThat(flow.handle("GET", request(path, Map.of(), WRITER), untouchable, actionsOnly)).as("GET " + path)
                    .isEqualTo(new Answer.Refusal(404, "error.notfound"));
            assertThat(flow.handle("POST", request(path, Map.of(), WRITER), untouchable, actionsOnly)).as("POST " + path)
                    .isEqualTo(new Answer.Refusal(404, "error.notfound"));
        }
        assertThat(actionsOnly.lastFields).isNull();
        assertThat(flow.handle("GET", request(List.of(), Map.of(), WRITER), untouchable, actionsOnly)).isInstanceOf(Answer.Page.class);
        assertThat(flow.handle("GET", request(List.of("n1"), Map.of(), WRITER), untouchable, actionsOnly)).isInstanceOf(Answer.Page.class);
        assertThat(flow.handle("POST", request(List.of("n1", "tick", "i1"), Map.of(), WRITER), FormBody.of(Map.of()), actionsOnly))
                .isNotEqualTo(new Answer.Refusal(404, "error.notfound"));
    }

    @Test
    void aSavedRecordRedirectsToItsPageWithAConfirmation() throws SQLException {
        Answer created = post(List.of("new"), Map.of("title", "agenda", "colour", "RED", "_csrf", "t", "owner", "mallory"));
        assertThat(created).isEqualTo(new Answer.Redirect("/diwan/notes/notes/n1?saved=1"));
        assertThat(notebook.lastFields).containsOnlyKeys("title", "colour");

        Answer updated = post(List.of("n1", "edit"), Map.of("title", "agenda 2", "colour", "RED", "version", "1"));
        assertThat(updated).isEqualTo(new Answer.Redirect("/diwan/notes/notes/n1?saved=1"));
        assertThat(notebook.notes.get("n1").version()).isEqualTo(2);

        Answer.Page page = (Answer.Page) get(List.of("n1"), Map.of("saved", "1"), READER);
        assertThat(page.template()).isEqualTo("notes/note-detail");
        assertThat(page.model()).containsEntry("saved", true).containsEntry("canWrite", false);
    }

    @Test
    void anInvalidFormComesBackWith422AndEverythingTyped() throws SQLException {
        Answer.Page page = (Answer.Page) post(List.of("new"), Map.of("title", " ", "colour", "RED"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.template()).isEqualTo("notes/note-form");
        assertThat(page.model().get("errors")).isEqualTo(Map.of("title", "validation.required[]"));
        assertThat(page.model().get("f")).isEqualTo(Map.of("title", " ", "colour", "RED"));
        assertThat(page.model()).containsEntry("action", "/diwan/notes/notes/new").containsEntry("conflict", null)
                .containsEntry("colours", List.of("GREEN", "RED"));
        assertThat(notebook.notes).isEmpty();
    }

    @Test
    void anUploadOverTheLimitComesBackWith413OnItsField() throws SQLException {
        Answer.Page page = (Answer.Page) post(List.of("new"), Map.of("title", "x".repeat(21)));
        assertThat(page.status()).isEqualTo(413);
        assertThat(page.model().get("errors")).isEqualTo(Map.of("title", "documents.refused.too-large[20]"));
        assertThat(notebook.notes).isEmpty();
    }

    @Test
    void anEditFromAnOldVersionComesBackWith409TheCurrentVersionAndWhoChangedItWhen() throws SQLException {
        notebook.add("minutes", "GREEN");
        Answer.Page page = (Answer.Page) post(List.of("n1", "edit"), Map.of("title", "my minutes", "colour", "RED", "version", "0"));
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.model().get("f")).isEqualTo(Map.of("title", "my minutes", "colour", "RED"));
        assertThat(page.model()).containsEntry("version", "1").containsEntry("action", "/diwan/notes/notes/n1/edit");
        @SuppressWarnings("unchecked")
        Map<String, Object> conflict = (Map<String, Object>) page.model().get("conflict");
        assertThat(conflict).containsEntry("by", "laila").containsEntry("link", "/diwan/notes/notes/n1");
        assertThat((String) conflict.get("at")).contains("2026").contains("1448"); // Gregorian and Hijri
        assertThat(notebook.notes.get("n1").title()).isEqualTo("minutes");

        Answer missingVersion = post(List.of("n1", "edit"), Map.of("title", "mine"));
        assertThat(((Answer.Page) missingVersion).status()).isEqualTo(409);
    }

    @Test
    void formsOpenWithTheDefaultsOrTheRecordsValuesAndEveryDeclaredField() throws SQLException {
        Answer.Page fresh = (Answer.Page) get(List.of("new"), Map.of(), WRITER);
        assertThat(fresh.model().get("f")).isEqualTo(Map.of("title", "", "colour", "GREEN"));
        assertThat(fresh.model()).containsEntry("editing", null).containsEntry("version", "");
        notebook.add("minutes", "RED");
        Answer.Page edit = (Answer.Page) get(List.of("n1", "edit"), Map.of(), WRITER);
        assertThat(edit.model().get("f")).isEqualTo(Map.of("title", "minutes", "colour", "RED"));
        assertThat(edit.model()).containsEntry("version", "1");
    }

    @Test
    void aListTakesOnlyDeclaredFiltersAndSortableColumnsAndKeepsThemInItsLinks() throws SQLException {
        notebook.add("b", "RED");
        notebook.add("a", "RED");
        notebook.add("c", "GREEN");
        notebook.add("d", "RED");
        Answer.Page page = (Answer.Page) get(List.of(), Map.of("colour", "RED", "owner", "x", "sort", "title;drop table", "page", "1"), WRITER);
        assertThat(notebook.queries.get(0).sort()).isEqualTo("title");
        assertThat(notebook.queries.get(0).filters()).isEqualTo(Map.of("colour", "RED"));
        assertThat(page.model()).containsEntry("total", 3L).containsEntry("pageNumber", 2).containsEntry("pageCount", 2)
                .containsEntry("next", null).containsEntry("canWrite", true);
        assertThat(page.model().get("previous")).isEqualTo("/diwan/notes/notes?colour=RED&sort=title&dir=asc&page=0");
        @SuppressWarnings("unchecked")
        Map<String, String> sortLinks = (Map<String, String>) page.model().get("sortLinks");
        assertThat(sortLinks).containsEntry("title", "/diwan/notes/notes?colour=RED&sort=title&dir=desc").doesNotContainKey("id");
        assertThat(page.model().get("csvLink")).isEqualTo("/diwan/notes/notes?colour=RED&sort=title&dir=asc&format=csv");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.model().get("rows");
        assertThat(rows).extracting(r -> r.get("title")).containsExactly("d");
    }

    @Test
    void aPagePastTheEndShowsTheLastOneAndAnEmptyListHasNoPager() throws SQLException {
        notebook.add("a", "RED");
        notebook.add("b", "RED");
        notebook.add("c", "RED");
        Answer.Page page = (Answer.Page) get(List.of(), Map.of("page", "99"), READER);
        assertThat(page.model()).containsEntry("pageNumber", 2).containsEntry("canWrite", false);
        Answer.Page empty = (Answer.Page) get(List.of(), Map.of("q", "nothing like it", "page", "-3"), READER);
        assertThat(empty.model()).containsEntry("total", 0L).containsEntry("pageCount", 1).containsEntry("next", null);
    }

    @Test
    void theCsvExportHoldsEveryPageOfTheFilteredListWithNamesForCodes() throws SQLException {
        for (int i = 0; i < 5; i++) {
            notebook.add("=HYPERLINK(\"http://evil\") " + i, i % 2 == 0 ? "RED" : "GREEN");
        }
        Answer.Csv csv = (Answer.Csv) get(List.of(), Map.of("format", "csv", "colour", "RED", "page", "1"), READER);
        assertThat(csv.fileName()).isEqualTo("notes.csv");
        assertThat(csv.rows()).hasSize(4);
        assertThat(csv.rows().get(0)).containsExactly("notes.title[]", "notes.colour[]", "notes.id[]");
        assertThat(csv.rows().get(1).get(1)).isEqualTo("notes.colour.RED[]");
    }

    @Test
    void anActionNeedsItsOwnPermissionBeforeItsFormIsReadAndRedirectsWithItsName() throws SQLException {
        notebook.add("minutes", "GREEN");
        notebook.add("locked", "GREEN");
        FormBody untouchable = untouchable("the form was read before the permission was decided");
        assertThat(flow.handle("POST", request(List.of("n1", "archive"), Map.of(), WRITER), untouchable, notebook))
                .isEqualTo(new Answer.Refusal(403, "error.forbidden"));
        Set<String> archivist = Set.of("notes:read", "notes:archive");
        assertThat(flow.handle("POST", request(List.of("n9", "archive"), Map.of(), archivist), untouchable, notebook))
                .isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(flow.handle("POST", request(List.of("n1", "archive"), Map.of(), archivist), FormBody.of(Map.of("into", "n2")), notebook))
                .isEqualTo(new Answer.Redirect("/diwan/notes/notes/n2?done=archive"));
        assertThat(notebook.lastActionForm).containsEntry("into", "n2");

        Answer.Page refused = (Answer.Page) flow.handle("POST", request(List.of("n2", "archive"), Map.of(), archivist), FormBody.of(Map.of()), notebook);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.model()).containsEntry("refusal", "notes.locked[locked]").containsEntry("related", List.of());

        assertThat(get(List.of("n1", "archive"), Map.of(), archivist)).isEqualTo(new Answer.Refusal(405, "error.method"));
        assertThat(flow.handle("POST", request(List.of("n1", "shred"), Map.of(), archivist), untouchable, notebook))
                .isEqualTo(new Answer.Refusal(404, "error.notfound"));
    }

    @Test
    void aDoneActionIsConfirmedOnlyByItsDeclaredNameAndAMovedRecordRedirects() throws SQLException {
        notebook.add("minutes", "GREEN");
        notebook.add("old minutes", "GREEN");
        Answer.Page page = (Answer.Page) get(List.of("n1"), Map.of("done", "archive"), READER);
        assertThat(page.model()).containsEntry("done", "archive").containsEntry("refusal", null);
        Answer.Page forged = (Answer.Page) get(List.of("n1"), Map.of("done", "<script>"), READER);
        assertThat(forged.model()).containsEntry("done", null);
        notebook.moved.put("n2", "n1");
        assertThat(get(List.of("n2"), Map.of(), READER)).isEqualTo(new Answer.Redirect("/diwan/notes/notes/n1"));
    }

    @Test
    void anUploadIsRefusedWholeWhenOverTheLimitOrEmptyAndOtherwiseReachesTheEditorAndIsServedBack() throws SQLException {
        notebook.add("minutes", "GREEN");
        Answer.Page tooLarge = (Answer.Page) post(List.of("n1", "attach"), withFile(new FormBody.FileResult.TooLarge(25)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.model()).containsEntry("refusal", "documents.refused.too-large[25]").containsEntry("refusedAction", "attach");
        Answer.Page empty = (Answer.Page) post(List.of("n1", "attach"), withFile(new FormBody.FileResult.Missing()));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(notebook.lastInput).isNull();

        Answer attached = post(List.of("n1", "attach"), withFile(new FormBody.FileResult.Received(upload("agenda.txt", "بنود"))));
        assertThat(attached).isEqualTo(new Answer.Redirect("/diwan/notes/notes/n1?done=attach#attachments"));
        Answer.File file = (Answer.File) get(List.of("n1", "attachments", "agenda.txt"), Map.of(), READER);
        assertThat(file.file().fileName()).isEqualTo("agenda.txt");
        assertThat(get(List.of("n1", "attachments", "other.txt"), Map.of(), READER)).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(get(List.of("n9", "attachments", "agenda.txt"), Map.of(), READER)).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(get(List.of("n1", "attachments", "agenda.txt"), Map.of(), Set.of())).isEqualTo(new Answer.Refusal(403, "error.forbidden"));
    }

    @Test
    void anActionOnAnItemNamesItAndItsRefusalKeepsWhatWasTyped() throws SQLException {
        notebook.add("minutes", "GREEN");
        assertThat(post(List.of("n1", "tick", "i1"), Map.of("note", "done"))).isEqualTo(new Answer.Redirect("/diwan/notes/notes/n1?done=tick"));
        assertThat(notebook.lastInput.item()).contains("i1");
        Answer.Page refused = (Answer.Page) post(List.of("n1", "tick", "i2"), Map.of("note", "late"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.model()).containsEntry("refusedAction", "tick").containsEntry("actionErrors", Map.of("item", "notes.noSuchItem[]"))
                .containsEntry("actionInput", Map.of("note", "late"));
        assertThat(post(List.of("n1", "tick"), Map.of())).isEqualTo(new Answer.Refusal(404, "error.notfound"));
        assertThat(post(List.of("n1", "archive", "x"), Map.of())).isEqualTo(new Answer.Refusal(404, "error.notfound"));
    }

    private static FormBody withFile(FormBody.FileResult result) {
        return new FormBody() {
            @Override
            public Map<String, String> fields() {
                return Map.of();
            }

            @Override
            public FileResult file(String field) {
                assertThat(field).isEqualTo("file");
                return result;
            }
        };
    }

    private static org.diwan.api.web.record.Upload upload(String name, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new org.diwan.api.web.record.Upload() {
            @Override
            public String fileName() {
                return name;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public java.io.InputStream open() {
                return new java.io.ByteArrayInputStream(bytes);
            }
        };
    }

    private Answer post(List<String> path, FormBody body) throws SQLException {
        return flow.handle("POST", request(path, Map.of(), WRITER), body, notebook);
    }

    private Answer get(List<String> path, Map<String, String> params, Set<String> permissions) throws SQLException {
        return flow.handle("GET", request(path, params, permissions), untouchable("a GET has no form"), notebook);
    }

    private Answer post(List<String> path, Map<String, String> form) throws SQLException {
        return flow.handle("POST", request(path, Map.of(), WRITER), FormBody.of(form), notebook);
    }

    private static FormBody untouchable(String why) {
        return new FormBody() {
            @Override
            public Map<String, String> fields() {
                return fail(why);
            }

            @Override
            public FileResult file(String field) {
                return fail(why);
            }
        };
    }

    private static PageRequest request(List<String> path, Map<String, String> params, Set<String> permissions) {
        return new PageRequest(path, params, Language.EN, "omar", "192.0.2.7", permissions::contains);
    }
}
