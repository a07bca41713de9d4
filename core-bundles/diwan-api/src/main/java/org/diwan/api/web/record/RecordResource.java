package org.diwan.api.web.record;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of record offered as JSON by {@link RecordApi}, besides its pages: the same rules, plus its JSON form.
 * Registered as an OSGi service with the property {@code diwan.plugin=<plugin id>}, it is listed in the plugin's
 * OpenAPI document at {@code /api/<plugin id>/openapi.json}.
 */
@ConsumerType
public interface RecordResource<R> extends RecordEditor<R> {

    /** Where the API serves these records: {@code /api/<plugin id>/<records>}, no trailing slash. */
    String apiBase();

    /** A short English name for the OpenAPI document: {@code Missions}. */
    String title();

    /** The record as JSON: the members {@link #schema()} names, values as texts, numbers or null. */
    Map<String, Object> json(R record);

    /**
     * One record as {@code GET apiBase/{id}} answers: {@link #json} and what belongs to it (attachments, follow-ups).
     */
    default Map<String, Object> jsonDetail(R record, PageRequest request) throws java.sql.SQLException {
        return json(record);
    }

    /** The members of the JSON form. Those not read-only are the fields a request may send. */
    List<ApiField> schema();
}
