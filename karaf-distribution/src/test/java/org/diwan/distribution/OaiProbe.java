package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A hostile OAI-PMH harvester: sends requests byte for byte over its own socket (HTTP clients would repair a
 * broken escape or refuse a NUL), reads the whole answer, and parses it with a secure XML parser. What a
 * well-behaved repository must answer to each hostile shape is decided by {@link #expected}.
 */
final class OaiProbe {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String PATH = "/public/library/oai";
    static final List<String> VERBS = List.of("Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords");
    static final List<String> ARGUMENTS = List.of("verb", "identifier", "metadataPrefix", "from", "until", "set", "resumptionToken", "harvest");
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "Identify", List.of(),
            "ListMetadataFormats", List.of("identifier"),
            "ListSets", List.of("resumptionToken"),
            "GetRecord", List.of("identifier", "metadataPrefix"),
            "ListIdentifiers", List.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "ListRecords", List.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

    /** How a hostile value must be refused whatever the argument's name, if it must. */
    enum Refusal {
        /** An acceptable argument; what it means decides the answer. */
        NONE,
        /** Cannot even be decoded (a broken escape, bytes that are not UTF-8): badArgument, the verb included. */
        UNDECODABLE,
        /** Decodes, but no argument may hold it (a control character, a noncharacter, too long): badArgument, or badVerb as the verb. */
        ILLEGAL
    }

    /** A value as it goes on the wire (already percent-encoded, or deliberately broken). */
    record Hostile(String label, String wire, Refusal refusal) {
    }

    /** The answer as read from the socket. */
    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;

    OaiProbe(int port) {
        this.port = port;
    }

    static List<Hostile> hostileValues() {
        List<Hostile> values = new ArrayList<>();
        values.add(new Hostile("NUL", "%00", Refusal.ILLEGAL));
        values.add(new Hostile("NUL in a word", "oai%00_dc", Refusal.ILLEGAL));
        values.add(new Hostile("escape and bell", enc("\u001B[31m\u0007"), Refusal.ILLEGAL));
        values.add(new Hostile("line break", enc("oai_dc\r\nX-Injected: 1"), Refusal.ILLEGAL));
        values.add(new Hostile("U+FFFE", enc("\uFFFE"), Refusal.ILLEGAL));
        values.add(new Hostile("U+FFFF", "%EF%BF%BF", Refusal.ILLEGAL));
        values.add(new Hostile("lone surrogate (CESU bytes)", "%ED%A0%80", Refusal.UNDECODABLE));
        values.add(new Hostile("not UTF-8", "%C3%28", Refusal.UNDECODABLE));
        values.add(new Hostile("broken escape", "%zz", Refusal.UNDECODABLE));
        values.add(new Hostile("cut escape", "abc%4", Refusal.UNDECODABLE));
        values.add(new Hostile("C1 control", enc("\u0085"), Refusal.ILLEGAL));
        values.add(new Hostile("very long", "a".repeat(2000), Refusal.ILLEGAL));
        values.add(new Hostile("empty", "", Refusal.NONE));
        values.add(new Hostile("Arabic", enc("قرار مجلس الجامعة"), Refusal.NONE));
        values.add(new Hostile("bidi controls", enc("\u202Eoai_dc\u202C\u2066\u200F"), Refusal.NONE));
        values.add(new Hostile("markup", enc("<x a=\"1\">&amp;'</x>]]>"), Refusal.NONE));
        values.add(new Hostile("Long.MAX", Long.toString(Long.MAX_VALUE), Refusal.NONE));
        values.add(new Hostile("negative", "-1", Refusal.NONE));
        values.add(new Hostile("date out of range", "0000-01-01", Refusal.NONE));
        values.add(new Hostile("far date", enc("+292278994-08-17T07:12:55Z"), Refusal.NONE));
        values.add(new Hostile("impossible date", "2003-02-29", Refusal.NONE));
        values.add(new Hostile("garbage base64", enc("!!!***"), Refusal.NONE));
        return values;
    }

    /**
     * The error code an OAI-PMH 2.0 repository must answer when {@code argument} of {@code verb} is replaced by
     * the hostile value, the verb's other required arguments being valid.
     */
    static String expected(String verb, String argument, Hostile value) {
        if (value.refusal() == Refusal.UNDECODABLE) {
            return "badArgument";
        }
        if (argument.equals("verb")) {
            return "badVerb";
        }
        if (!ALLOWED.get(verb).contains(argument) || value.refusal() == Refusal.ILLEGAL) {
            return "badArgument";
        }
        return switch (argument) {
            case "identifier" -> "idDoesNotExist";
            case "metadataPrefix" -> "cannotDisseminateFormat";
            case "resumptionToken" -> "badResumptionToken";
            default -> "badArgument"; // from, until, set: none of the hostile values is a date or a set
        };
    }

    /**
     * The request whose argument is replaced: the verb's required arguments are there (metadataPrefix, an
     * identifier that exists), except that a resumption token travels alone, as the protocol wants.
     */
    static String query(String verb, String argument, String wireValue, String identifier) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", verb);
        if (!argument.equals("resumptionToken")) {
            if (verb.equals("GetRecord") || verb.startsWith("ListI") || verb.equals("ListRecords")) {
                args.put("metadataPrefix", "oai_dc");
            }
            if (verb.equals("GetRecord")) {
                args.put("identifier", enc(identifier));
            }
        }
        args.put(argument, wireValue);
        StringBuilder out = new StringBuilder();
        args.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return out.toString();
    }

    /** A resumption token of the unsigned kind the repository issued before, naming a date no database holds. */
    static String forgedToken(long until, int cursor) {
        String payload = "1|oai_dc|||" + until + "|-|" + cursor;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String rawQuery) throws IOException {
        return exchange("GET " + PATH + "?" + rawQuery, null, null);
    }

    Answer post(String rawQuery, String contentType, byte[] body) throws IOException {
        return exchange("POST " + PATH + (rawQuery == null ? "" : "?" + rawQuery), contentType, body);
    }

    Answer postForm(String rawBody) throws IOException {
        return post(null, "application/x-www-form-urlencoded", rawBody.getBytes(StandardCharsets.ISO_8859_1));
    }

    Answer send(String method, String rawQuery) throws IOException {
        return exchange(method + " " + PATH + "?" + rawQuery, null, null);
    }

    private Answer exchange(String requestLine, String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
                    .append("\r\nConnection: close\r\n");
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    socket.getOutputStream().write(body);
                } catch (IOException refusedEarly) {
                    // the server may answer and close before taking a body it refuses: the answer is still there
                }
            }
            byte[] all = socket.getInputStream().readAllBytes();
            return parse(all);
        }
    }

    private static Answer parse(byte[] all) throws IOException {
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (split < 0) {
            throw new IOException("no complete HTTP head: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        String type = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring(13).strip();
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
        return new Answer(status, type, chunked ? unchunk(body) : body);
    }

    private static byte[] unchunk(byte[] body) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("chunked body cut short");
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int n = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (n == 0) {
                return out.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length < n) {
                throw new IOException("chunk cut short");
            }
            out.write(chunk);
            in.readNBytes(2);
        }
    }

    private static int indexOf(byte[] data, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= data.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (data[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Parses the body as a complete OAI-PMH document, with no DTD or external entity allowed. */
    static Document xml(Answer answer, String what) {
        assertThat(answer.contentType()).as(what).startsWith("text/xml");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
            assertThat(doc.getDocumentElement().getNamespaceURI()).as(what).isEqualTo(OAI);
            assertThat(doc.getDocumentElement().getLocalName()).as(what).isEqualTo("OAI-PMH");
            return doc;
        } catch (Exception e) {
            throw new AssertionError(what + ": not a complete well-formed OAI-PMH document (" + e.getMessage() + "), status " + answer.status()
                    + ", body: " + abbreviate(answer.text()), e);
        }
    }

    /** The error code of the document, or null; with badVerb or badArgument the request element must be bare. */
    static String error(Document doc, String what) {
        NodeList errors = doc.getElementsByTagNameNS(OAI, "error");
        String code = errors.getLength() == 0 ? null : ((Element) errors.item(0)).getAttribute("code");
        if ("badVerb".equals(code) || "badArgument".equals(code)) {
            assertThat(((Element) doc.getElementsByTagNameNS(OAI, "request").item(0)).hasAttributes()).as(what + ": bare request element")
                    .isFalse();
        }
        return code;
    }

    /**
     * Checks one answer: complete well-formed XML, the status and the error code expected. Returns what is wrong,
     * or null, so that a probe can report every failing shape at once.
     */
    static String verdict(String what, Answer answer, int status, String code) {
        try {
            Document doc = xml(answer, what);
            String found = error(doc, what);
            if (answer.status() != status || !java.util.Objects.equals(found, code)) {
                return what + ": status " + answer.status() + " code " + found + ", expected " + status + " " + code;
            }
            return null;
        } catch (AssertionError e) {
            return e.getMessage().lines().findFirst().orElse(what);
        }
    }

    static List<String> texts(Document doc, String name) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(OAI, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
