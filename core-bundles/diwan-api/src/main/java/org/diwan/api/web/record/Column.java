package org.diwan.api.web.record;

import java.util.Objects;

/**
 * A column of a record list, in the list page and its CSV export.
 *
 * @param key         the value's name in the editor's {@link RecordEditor#view view} of a record
 * @param labelKey    the message key of the heading
 * @param sortable    whether the list may be sorted on it ({@code ?sort=key}); nothing else is accepted as a sort
 * @param valuePrefix for coded values ({@code ACTIVE}), the message key prefix that names them
 *                    ({@code missions.status.}): the CSV export writes the name, not the code; null for plain text
 */
public record Column(String key, String labelKey, boolean sortable, String valuePrefix) {

    public Column {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(labelKey, "labelKey");
    }

    public static Column sortable(String key, String labelKey) {
        return new Column(key, labelKey, true, null);
    }

    public static Column plain(String key, String labelKey) {
        return new Column(key, labelKey, false, null);
    }

    /** The same column, its values named by the message keys {@code prefix + value}. */
    public Column coded(String prefix) {
        return new Column(key, labelKey, sortable, prefix);
    }
}
