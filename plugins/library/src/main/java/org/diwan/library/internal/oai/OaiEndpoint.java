package org.diwan.library.internal.oai;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLStreamException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the OAI-PMH endpoint, kept apart from the servlet API so that every hostile shape can be
 * tested without a container: which methods and bodies are accepted, how much is read, which status answers.
 * The arguments are read here, never through the container's parameter map, so that a body is refused by its
 * size before it is read and an argument the container would mangle is refused instead.
 */
public final class OaiEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(OaiEndpoint.class);
    /** A form body of the protocol holds one short argument list; 64 KiB is already a hundred times more. */
    public static final int MAX_BODY = 64 * 1024;
    static final String FORM = "application/x-www-form-urlencoded";

    /**
     * What to send: the status, the complete XML body, and whether the connection must close (a body was left
     * unread).
     */
    public record Reply(int status, byte[] body, boolean close) {
    }

    private final OaiProvider provider;

    public OaiEndpoint(OaiProvider provider) {
        this.provider = provider;
    }

    /** GET (and HEAD): the arguments are the query string. */
    public Reply get(String queryString, String baseUrl) {
        Map<String, List<String>> params;
        try {
            params = OaiArguments.parse(queryString);
        } catch (OaiError error) {
            return refused(200, error, baseUrl, false);
        }
        return answer(params, baseUrl);
    }

    /**
     * POST: the arguments are a form-encoded body (3.1.1.2), with any in the query string added. The body is
     * read only when its declared length is within {@link #MAX_BODY}, and never beyond it.
     *
     * @param contentLength the declared length, or -1 when the body is chunked
     * @throws IOException when the client stops sending: there is nobody left to answer
     */
    public Reply post(String queryString, String contentType, long contentLength, InputStream body, String baseUrl) throws IOException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip().equals(FORM)) {
            return refused(415, OaiError.badArgument("POST requests carry their arguments as " + FORM), baseUrl, true);
        }
        if (contentLength > MAX_BODY) {
            return refused(413, tooLarge(), baseUrl, true);
        }
        byte[] form = body.readNBytes(MAX_BODY + 1);
        if (form.length > MAX_BODY) {
            return refused(413, tooLarge(), baseUrl, true);
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        try {
            OaiArguments.parse(queryString == null ? new byte[0] : queryString.getBytes(StandardCharsets.UTF_8), params);
            OaiArguments.parse(form, params);
        } catch (OaiError error) {
            return refused(200, error, baseUrl, false);
        }
        return answer(params, baseUrl);
    }

    /** Any method but GET, HEAD and POST. */
    public Reply otherMethod(String baseUrl) {
        return refused(405, OaiError.badArgument("OAI-PMH requests are sent by GET or POST"), baseUrl, false);
    }

    private static OaiError tooLarge() {
        return OaiError.badArgument("The request body is larger than " + MAX_BODY + " bytes");
    }

    private Reply answer(Map<String, List<String>> params, String baseUrl) {
        try {
            return new Reply(200, provider.answer(params, baseUrl).getBytes(StandardCharsets.UTF_8), false);
        } catch (SQLException | XMLStreamException | RuntimeException e) {
            // a fault of this node, not of the request: the one case worth a stack trace
            LOG.warn("OAI-PMH answer failed", e);
            return failed(baseUrl);
        }
    }

    private Reply refused(int status, OaiError error, String baseUrl, boolean close) {
        try {
            return new Reply(status, provider.refusal(error.code(), error.getMessage(), baseUrl).getBytes(StandardCharsets.UTF_8), close);
        } catch (XMLStreamException | RuntimeException e) {
            LOG.warn("OAI-PMH refusal failed", e);
            return failed(baseUrl);
        }
    }

    private Reply failed(String baseUrl) {
        try {
            return new Reply(500, provider.failure(baseUrl).getBytes(StandardCharsets.UTF_8), false);
        } catch (XMLStreamException | RuntimeException e) {
            // the writer itself failed: a fixed document, still complete
            return new Reply(500, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><OAI-PMH xmlns=\"" + OaiProvider.OAI + "\"/>")
                    .getBytes(StandardCharsets.UTF_8), false);
        }
    }
}
