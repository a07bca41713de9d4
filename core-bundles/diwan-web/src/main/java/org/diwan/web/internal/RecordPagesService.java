package org.diwan.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.diwan.api.documents.Documents;
import org.diwan.api.web.CurrentUser;
import org.diwan.api.web.DocumentResponses;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordEditor;
import org.diwan.api.web.record.RecordFile;
import org.diwan.api.web.record.RecordPages;
import org.diwan.web.internal.record.Answer;
import org.diwan.web.internal.record.CsvWriter;
import org.diwan.web.internal.record.RecordFlow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link RecordPages}: reads the request once into a {@link PageRequest}, lets {@link RecordFlow} decide, writes the answer. */
@Component(service = RecordPages.class)
public final class RecordPagesService implements RecordPages {

    private final PageRenderer pages;
    private final CurrentUser user;
    private final RecordFlow flow;

    private final Documents documents;

    @Activate
    public RecordPagesService(@Reference PageRenderer pages, @Reference MessageBundles messages, @Reference CurrentUser user,
            @Reference Documents documents) {
        this.pages = pages;
        this.user = user;
        this.documents = documents;
        this.flow = new RecordFlow(messages);
    }

    @Override
    public void serve(HttpServletRequest request, HttpServletResponse response, RecordEditor<?> editor) throws IOException, ServletException {
        boolean post = request.getMethod().equals("POST");
        PageRequest page = RequestParts.pageRequest(request, post ? RequestParts.queryOnly(request) : RequestParts.parameters(request),
                pages.language(request), user);
        // a body is read only once the flow has decided the visitor may save what it holds
        RequestForm form = new RequestForm(request, documents.maxSize());
        Answer answer;
        try {
            answer = flow.handle(request.getMethod(), page, form, editor);
        } catch (SQLException e) {
            throw new ServletException("records of " + editor.spec().base() + " unavailable", e);
        } finally {
            form.deleteFiles();
        }
        if (answer instanceof Answer.Page p) {
            pages.render(request, response, p.status(), p.template(), p.model());
        } else if (answer instanceof Answer.Redirect r) {
            response.sendRedirect(r.location());
        } else if (answer instanceof Answer.Refusal r) {
            if (r.status() == 405) {
                response.setHeader("Allow", "GET, HEAD, POST");
            }
            pages.error(request, response, r.status(), r.messageKey());
        } else if (answer instanceof Answer.File file) {
            RecordFile f = file.file();
            try (InputStream content = f.open()) {
                DocumentResponses.send(response, f.mediaType(), f.fileName(), f.size(), content, f.inline());
            }
        } else if (answer instanceof Answer.Csv csv) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(csv.fileName(), StandardCharsets.UTF_8));
            CsvWriter.write(csv.rows(), response.getWriter());
        }
    }
}
