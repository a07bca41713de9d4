package org.diwan.web.internal.record;

import java.util.Map;

/**
 * A JSON API request's body as the flow reads it, and only once it has decided the caller may send it: the JSON
 * object of a record's own change or of an action, or the multipart form of an upload action.
 */
@FunctionalInterface
public interface ApiBody {

    JsonBody json();

    /** The multipart form an upload action sends its file in; none unless the request has one. */
    default FormBody form() {
        return FormBody.of(Map.of());
    }
}
