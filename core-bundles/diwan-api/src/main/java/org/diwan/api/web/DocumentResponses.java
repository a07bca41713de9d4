package org.diwan.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

/** Sends a stored document or a generated file to the browser, the same way in every department. */
public final class DocumentResponses {

    private DocumentResponses() {
    }

    /**
     * Sends {@code content} (closed afterwards), never sniffed by the browser: saved as a file named
     * {@code fileName} when one is given (UTF-8 names per RFC 6266), else shown in the page.
     *
     * @param length the size in bytes, or -1 when unknown
     */
    public static void send(HttpServletResponse response, String contentType, String fileName, long length, InputStream content)
            throws IOException {
        send(response, contentType, fileName, length, content, false);
    }

    /**
     * As {@link #send(HttpServletResponse, String, String, long, InputStream)}; with {@code inline} the browser
     * shows it (its PDF viewer, an image) and offers {@code fileName} when the reader saves it.
     */
    public static void send(HttpServletResponse response, String contentType, String fileName, long length, InputStream content,
            boolean inline) throws IOException {
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        if (fileName != null) {
            String fallback = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? fileName : "download";
            String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
            response.setHeader("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + fallback + "\"; filename*=UTF-8''"
                    + encoded);
        }
        try (InputStream in = content) {
            in.transferTo(response.getOutputStream());
        }
    }
}
