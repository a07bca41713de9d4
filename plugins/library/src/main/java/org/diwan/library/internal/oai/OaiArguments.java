package org.diwan.library.internal.oai;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's arguments from a query string or an {@code application/x-www-form-urlencoded} body, as the
 * protocol sends them (3.1.1: UTF-8, then percent-encoded). Strict where the servlet container is lenient: a
 * broken escape or bytes that are not UTF-8 are a {@code badArgument}, not a silent replacement character, and
 * every occurrence of a name is kept so that a repeated argument can be refused.
 */
final class OaiArguments {

    private OaiArguments() {
    }

    /** Adds the arguments of one encoded string to {@code into} (query string and body of one request share it). */
    static void parse(byte[] encoded, Map<String, List<String>> into) throws OaiError {
        int start = 0;
        while (start <= encoded.length) {
            int end = indexOf(encoded, (byte) '&', start);
            if (end > start) {
                int equals = indexOf(encoded, (byte) '=', start);
                boolean hasValue = equals < end;
                String name = decode(encoded, start, hasValue ? equals : end);
                String value = hasValue ? decode(encoded, equals + 1, end) : "";
                into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
    }

    static Map<String, List<String>> parse(String encoded) throws OaiError {
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        if (encoded != null) {
            parse(encoded.getBytes(StandardCharsets.UTF_8), arguments);
        }
        return arguments;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    private static String decode(byte[] encoded, int from, int to) throws OaiError {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = encoded[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(encoded[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(encoded[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw OaiError.badArgument("Broken percent-encoding in the arguments");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw OaiError.badArgument("The arguments are not UTF-8");
        }
    }
}
