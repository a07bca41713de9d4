package org.diwan.web.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

class OpenApiDocumentTest {

    @Test
    void theDocumentParsesWithARealOpenApiParserAndListsEveryEndpoint() throws Exception {
        String text = new ObjectMapper().writeValueAsString(OpenApiDocument.of("notes", "1.0.0", List.of(new Notebook())));

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, null);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getPaths()).containsOnlyKeys("/api/notes/notes", "/api/notes/notes/{id}", "/api/notes/notes/{id}/archive",
                "/api/notes/notes/{id}/attach", "/api/notes/notes/{id}/tick/{item}", "/api/notes/notes/{id}/attachments/{fileId}");
        assertThat(api.getPaths().get("/api/notes/notes").getGet().getParameters()).extracting(p -> p.getName())
                .contains("q", "colour", "sort", "page", "size");
        assertThat(api.getPaths().get("/api/notes/notes").getPost().getResponses()).containsKeys("201", "401", "403", "413", "415", "422");
        assertThat(api.getPaths().get("/api/notes/notes/{id}").getPut().getResponses()).containsKeys("200", "404", "409", "412", "428");
        assertThat(api.getComponents().getSchemas().get("NotesInput").getRequired()).containsExactly("title");
        assertThat(api.getComponents().getSchemas().get("NotesInput").getProperties()).doesNotContainKey("id");
        Schema<?> colour = (Schema<?>) api.getComponents().getSchemas().get("Notes").getProperties().get("colour");
        assertThat(colour.getEnum()).extracting(String::valueOf).containsExactly("GREEN", "RED");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("session", "token");
    }

    @Test
    void recordsOpenToAnyoneAreListedReadOnlyWithoutASecurityRequirement() throws Exception {
        String text = new ObjectMapper().writeValueAsString(OpenApiDocument.of("notes", "1.0.0",
                List.of(new Notebook(), Notebook.open("/api/notes/public/notes"))));

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, null);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getPaths()).containsKeys("/api/notes/public/notes", "/api/notes/public/notes/{id}");
        assertThat(api.getPaths().get("/api/notes/public/notes").readOperations()).hasSize(1);
        assertThat(api.getPaths().get("/api/notes/public/notes/{id}").readOperations()).hasSize(1);
        assertThat(api.getPaths().get("/api/notes/public/notes").getGet().getSecurity()).isEmpty();
        assertThat(api.getPaths().get("/api/notes/notes").getGet().getSecurity()).isNull();
        assertThat(api.getComponents().getSchemas()).containsKey("PublicNotes").doesNotContainKey("PublicNotesInput");
    }

    @Test
    void recordsWithoutAFormAreListedWithoutTheirWrites() throws Exception {
        String text = new ObjectMapper().writeValueAsString(OpenApiDocument.of("notes", "1.0.0", List.of(Notebook.withoutForm())));

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, null);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getPaths().get("/api/notes/notes").readOperations()).hasSize(1);
        assertThat(api.getPaths().get("/api/notes/notes").getPost()).isNull();
        assertThat(api.getPaths().get("/api/notes/notes/{id}").getPut()).isNull();
        assertThat(api.getComponents().getSchemas()).containsKey("Notes").doesNotContainKey("NotesInput");
    }

    @Test
    void aRecordsActionsAndFilesAreListedWithTheirPermissionAndBody() throws Exception {
        String text = new ObjectMapper().writeValueAsString(OpenApiDocument.of("notes", "1.0.0", List.of(new Notebook())));

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, null);

        assertThat(result.getMessages()).isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getPaths()).containsKeys("/api/notes/notes/{id}/archive", "/api/notes/notes/{id}/attach",
                "/api/notes/notes/{id}/tick/{item}", "/api/notes/notes/{id}/attachments/{fileId}");
        assertThat(api.getPaths().get("/api/notes/notes/{id}/archive").getPost().getDescription()).contains("notes:archive");
        assertThat(api.getPaths().get("/api/notes/notes/{id}/attach").getPost().getRequestBody().getContent()).containsKey("multipart/form-data");
        assertThat(api.getPaths().get("/api/notes/notes/{id}/attachments/{fileId}").getGet()).isNotNull();
        assertThat(api.getPaths().get("/api/notes/notes/{id}/archive").getGet()).isNull();
    }
}
