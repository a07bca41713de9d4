package org.diwan.web.internal.record;

import java.util.List;
import java.util.Map;

import org.diwan.api.web.record.RecordFile;

/** What the JSON API flow decided to answer, before anything is written. */
public sealed interface ApiAnswer {

    /** A JSON document with this status and these headers ({@code ETag}, {@code Location}). */
    record Json(int status, Object body, Map<String, String> headers) implements ApiAnswer {
    }

    /**
     * An RFC 9457 problem: {@code code} is Diwan's {@code error} member, {@code fields} field to message (already in
     * the caller's language), {@code current} the record now (for 409 and 412), or null; {@code args} the message's.
     */
    record Problem(int status, String code, String messageKey, Map<String, String> fields, Object current, List<Object> args) implements ApiAnswer {

        public Problem {
            fields = Map.copyOf(fields);
            args = List.copyOf(args);
        }

        public Problem(int status, String code, String messageKey, Map<String, String> fields, Object current) {
            this(status, code, messageKey, fields, current, List.of());
        }

        static Problem of(int status, String code, String messageKey) {
            return new Problem(status, code, messageKey, Map.of(), null);
        }
    }

    /** A record's file ({@code apiBase/{id}/{files}/{fileId}}), sent with the shell's user-file headers. */
    record File(RecordFile file) implements ApiAnswer {
    }
}
