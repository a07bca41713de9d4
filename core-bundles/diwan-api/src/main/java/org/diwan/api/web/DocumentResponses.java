package org.diwan.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import javax.servlet.http.HttpServletResponse;

/**
 * Sends a stored document or a generated file to the browser, the same way in every department. A user's file
 * is never active content in Diwan's origin: it is shown in the page only when its type is one a browser
 * renders without running anything ({@link #showsInline}), every other type is saved as a file, and each
 * answer carries {@code Content-Security-Policy: sandbox} (no script, no form, no same-origin access even if a
 * browser did render it) and {@code nosniff}.
 */
public final class DocumentResponses {

    /** Types shown in the page: raster images, PDF, sound and video. Never SVG, HTML, XHTML or other XML. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

    /** A file is its own sandboxed, script-less document; frame-ancestors stays as the shell's X-Frame-Options. */
    static final String FILE_POLICY = "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; "
            + "frame-ancestors 'none'";

    private DocumentResponses() {
    }

    /** Whether a file of this type may be shown by the browser rather than saved. */
    public static boolean showsInline(String mediaType) {
        if (mediaType == null) {
            return false;
        }
        int parameters = mediaType.indexOf(';');
        String type = (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
        return INLINE.contains(type) || ((type.startsWith("audio/") || type.startsWith("video/")) && !type.contains("xml"));
    }

    /**
     * Sends {@code content} (closed afterwards), never sniffed by the browser: saved as a file named
     * {@code fileName} when one is given (UTF-8 names per RFC 6266), with the sandbox policy; without a name it is a
     * page Diwan generated itself (a bulletin's HTML), shown under the shell's own policy.
     *
     * @param length the size in bytes, or -1 when unknown
     */
    public static void send(HttpServletResponse response, String contentType, String fileName, long length, InputStream content)
            throws IOException {
        send(response, contentType, fileName, length, content, false);
    }

    /**
     * As {@link #send(HttpServletResponse, String, String, long, InputStream)}; with {@code inline} the browser
     * shows it (its PDF viewer, an image) and offers {@code fileName} when the reader saves it, provided its type
     * {@link #showsInline shows inline}: any other type is saved whatever the caller asked.
     */
    public static void send(HttpServletResponse response, String contentType, String fileName, long length, InputStream content,
            boolean inline) throws IOException {
        boolean shown = inline && showsInline(contentType);
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (fileName != null) {
            response.setHeader("Content-Security-Policy", FILE_POLICY);
        }
        if (length >= 0) {
            response.setContentLengthLong(length);
        }
        if (fileName != null) {
            String fallback = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? fileName : "download";
            String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
            response.setHeader("Content-Disposition", (shown ? "inline" : "attachment") + "; filename=\"" + fallback + "\"; filename*=UTF-8''"
                    + encoded);
        }
        try (InputStream in = content) {
            in.transferTo(response.getOutputStream());
        }
    }
}
