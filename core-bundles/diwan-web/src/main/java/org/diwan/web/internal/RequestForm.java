package org.diwan.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;

import org.diwan.api.web.record.Upload;
import org.diwan.web.internal.record.FormBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request's form for the record flow, read from the body only when the flow asks. A file comes through the
 * servlet's multipart support, which the shell has capped at the documents limit ({@link UploadGate}); what the
 * container stored of it is deleted when the request is done.
 */
final class RequestForm implements FormBody {

    private static final Logger LOG = LoggerFactory.getLogger(RequestForm.class);

    private final HttpServletRequest request;
    private final long limit;
    private final List<Part> parts = new ArrayList<>();

    RequestForm(HttpServletRequest request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    @Override
    public Map<String, String> fields() {
        try {
            return RequestParts.parameters(request);
        } catch (IllegalStateException overLimit) {
            // a multipart body over the limit: none of it is kept, so none of its fields either
            return Map.of();
        }
    }

    @Override
    public FileResult file(String field) {
        Part part;
        try {
            part = request.getPart(field);
        } catch (IllegalStateException overLimit) {
            return new FileResult.TooLarge(limit);
        } catch (ServletException | IOException notMultipart) {
            return new FileResult.Missing();
        }
        if (part == null) {
            return new FileResult.Missing();
        }
        parts.add(part);
        if (part.getSize() == 0) {
            return new FileResult.Missing();
        }
        return new FileResult.Received(new Upload() {
            @Override
            public String fileName() {
                return part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName();
            }

            @Override
            public long size() {
                return part.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return part.getInputStream();
            }
        });
    }

    void deleteFiles() {
        for (Part part : parts) {
            try {
                part.delete();
            } catch (IOException e) {
                LOG.warn("Temporary upload file not deleted: {}", e.toString());
            }
        }
    }
}
