package org.diwan.web.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.MultipartConfigElement;
import javax.servlet.http.HttpServletRequest;

/**
 * What the shell decides about a request body before anyone reads it. A request's body is only read by the
 * servlet, after the shell has admitted the visitor, their permission and their CSRF token; this class holds the
 * rules that make that true for uploads:
 * <ul>
 * <li>one size limit for every body, the documents service's (plus room for a form's other fields), refused
 * from the declared {@code Content-Length} at once;</li>
 * <li>a streamed (chunked) multipart body is cut at the same limit while it is read, by replacing the servlet's
 * own multipart configuration on the request (Jetty reads it when the servlet asks for a part);</li>
 * <li>a form without a file never exceeds {@link #FORM_LIMIT} (Jetty's own limit for form bodies), any other
 * body (JSON, XML) the documents limit;</li>
 * <li>at most {@link #PER_USER} uploads of one user at a time.</li>
 * </ul>
 * The CSRF token of a multipart request travels in the header or the query string, never in the body: reading
 * it from the body would mean reading the whole upload first.
 */
final class UploadGate {

    /** Jetty's default maximum for form bodies; the shell refuses larger ones before Jetty would fail on them. */
    static final long FORM_LIMIT = 200_000;
    /** Room for the fields beside the file in a multipart form, and its boundaries. */
    static final long ENVELOPE = 64 * 1024;
    static final int PER_USER = 2;

    /** Jetty's request attribute with the servlet's multipart configuration ({@code Request.__MULTIPART_CONFIG_ELEMENT}). */
    static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    private static final String HELD = UploadGate.class.getName() + ".held";

    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The most a body of this request may hold, given the documents service's limit for one file. */
    static long limit(HttpServletRequest request, long documentLimit) {
        if (isMultipart(request)) {
            return documentLimit + ENVELOPE;
        }
        return isForm(request) ? FORM_LIMIT : documentLimit;
    }

    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Whether the declared length is already over the limit (a chunked body declares none: see {@link #cutAt}). */
    static boolean declaredTooLarge(HttpServletRequest request, long documentLimit) {
        return request.getContentLengthLong() > limit(request, documentLimit);
    }

    /**
     * Makes Jetty stop reading a multipart body at the limit (or the servlet's own, when smaller): its part
     * parser throws {@code IllegalStateException} (which the servlets answer with 413) once it has read that much.
     */
    static void cutAt(HttpServletRequest request, long documentLimit) {
        Object declared = request.getAttribute(JETTY_MULTIPART_CONFIG);
        MultipartConfigElement servlets = declared instanceof MultipartConfigElement m ? m : null;
        long file = servlets != null && servlets.getMaxFileSize() > 0 ? Math.min(servlets.getMaxFileSize(), documentLimit) : documentLimit;
        request.setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(servlets == null ? "" : servlets.getLocation(), file,
                file + ENVELOPE, servlets == null ? 1024 * 1024 : servlets.getFileSizeThreshold()));
    }

    /**
     * Counts one more upload of {@code user}; false when they already run {@link #PER_USER}. A true must be
     * followed by {@link #release} when the request is done.
     */
    boolean acquire(HttpServletRequest request, String user) {
        boolean[] admitted = {false};
        running.compute(user, (name, count) -> {
            int now = count == null ? 0 : count;
            if (now >= PER_USER) {
                return now;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (admitted[0]) {
            request.setAttribute(HELD, user);
        }
        return admitted[0];
    }

    /** Ends the upload {@link #acquire} counted for this request, if any. */
    void release(HttpServletRequest request) {
        Object user = request.getAttribute(HELD);
        if (user != null) {
            request.removeAttribute(HELD);
            running.computeIfPresent(user.toString(), (name, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Uploads running now, all users together (for tests and the health page). */
    int running() {
        return running.values().stream().mapToInt(Integer::intValue).sum();
    }
}
