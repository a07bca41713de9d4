package org.diwan.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.documents.Documents;
import org.diwan.api.i18n.Language;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.DocumentResponses;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordApi;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordResource;
import org.diwan.web.internal.record.ApiAnswer;
import org.diwan.web.internal.record.ApiBody;
import org.diwan.web.internal.record.ApiFlow;
import org.diwan.web.internal.record.FormBody;
import org.diwan.web.internal.record.JsonBody;
import org.diwan.web.internal.record.JsonBodyReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link RecordApi}: reads the request once, lets {@link ApiFlow} decide, writes JSON or an RFC 9457 problem. */
@Component(service = RecordApi.class)
public final class RecordApiService implements RecordApi {

    private final PageRenderer pages;
    private final CurrentUser user;
    private final ApiFlow flow;
    private final JsonBodyReader json = new JsonBodyReader();

    private final Documents documents;

    @Activate
    public RecordApiService(@Reference PageRenderer pages, @Reference MessageBundles messages, @Reference CurrentUser user,
            @Reference Documents documents) {
        this.pages = pages;
        this.user = user;
        this.documents = documents;
        this.flow = new ApiFlow(messages);
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response, RecordResource<?> resource) throws IOException, ServletException {
        Language language = pages.language(request);
        // an API request's parameters are its query string: its body is JSON, read below and only if needed
        PageRequest page = RequestParts.pageRequest(request, RequestParts.queryOnly(request), language, user);
        // an upload action's multipart form, read only once the flow has decided the caller may send it
        RequestForm form = new RequestForm(request, documents.maxSize());
        ApiBody body = new ApiBody() {
            @Override
            public JsonBody json() {
                try (InputStream in = request.getInputStream()) {
                    return json.read(request.getContentType(), in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public FormBody form() {
                return form;
            }
        };
        ApiAnswer answer;
        try {
            answer = flow.handle(request.getMethod(), page, request.getHeader("If-Match"), body, resource);
        } catch (SQLException e) {
            throw new ServletException("records of " + resource.apiBase() + " unavailable", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            form.deleteFiles();
        }
        if (answer instanceof ApiAnswer.File file) {
            RecordFile f = file.file();
            try (InputStream content = f.open()) {
                DocumentResponses.send(response, f.mediaType(), f.fileName(), f.size(), content, f.inline());
            }
        } else if (answer instanceof ApiAnswer.Json ok) {
            ok.headers().forEach(response::setHeader);
            send(response, ok.status(), "application/json;charset=UTF-8", ok.body());
        } else {
            ApiAnswer.Problem problem = (ApiAnswer.Problem) answer;
            if (problem.status() == 405) {
                response.setHeader("Allow", allowed(resource, page.path()));
            }
            String detail = pages.message(problem.messageKey(), language, problem.args().toArray());
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("type", "about:blank");
            document.put("title", pages.message("error.title", language));
            document.put("status", problem.status());
            document.put("detail", detail);
            document.put("error", problem.code());
            document.put("message", detail);
            if (!problem.fields().isEmpty()) {
                document.put("fields", problem.fields());
            }
            if (problem.current() != null) {
                document.put("current", problem.current());
            }
            send(response, problem.status(), ErrorPages.PROBLEM_JSON, document);
        }
    }

    /** The methods a path of the resource takes, for a 405's {@code Allow}. */
    private static String allowed(RecordResource<?> resource, java.util.List<String> path) {
        if (path.size() > 1) {
            return path.size() == 3 && resource.spec().files().contains(path.get(1)) ? "GET, HEAD" : "POST";
        }
        return resource.spec().readByAnyone() || !resource.spec().hasForm() ? "GET, HEAD" : "GET, HEAD, POST, PUT";
    }

    private void send(HttpServletResponse response, int status, String type, Object document) throws IOException {
        byte[] bytes = json.write(document);
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
