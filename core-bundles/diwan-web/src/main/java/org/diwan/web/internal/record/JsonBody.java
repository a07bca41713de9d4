package org.diwan.web.internal.record;

import java.util.Map;

import org.diwan.api.validation.FieldError;

/** A request's JSON object as the API flow receives it: its members as texts, or why it cannot be used. */
public sealed interface JsonBody {

    record Fields(Map<String, String> values) implements JsonBody {
        public Fields {
            values = Map.copyOf(values);
        }
    }

    /** Unusable (415, 413, 400, or 422 with the members of a wrong type); nothing of it reaches the editor. */
    record Refused(int status, String code, String messageKey, Map<String, FieldError> fields) implements JsonBody {
        public Refused {
            fields = Map.copyOf(fields);
        }
    }
}
