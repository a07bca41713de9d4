package org.diwan.api.sync;

import java.util.List;
import java.util.Map;

/**
 * A received row of a {@link SyncedTable}, as {@link TableRules#check} sees it: its values already converted to
 * their columns' Java types ({@code String}, {@code Integer}, {@code Long}, {@code Boolean},
 * {@code java.sql.Timestamp}, {@code java.sql.Date}; {@code null} for SQL NULL), keyed by lower-case column name.
 *
 * @param change   the change that carried it, naming the mission that sent it on headquarters
 * @param values   the columns that travel, read only
 * @param children the child rows by payload field, read only
 * @param local    local columns to store with the row: the platform puts the owner column here, a rule may add
 *                 the ones it derives
 */
public record IncomingRow(SyncChange change, Map<String, Object> values, Map<String, List<Map<String, Object>>> children,
        Map<String, Object> local) {

    /** A text column's value, or {@code null}. */
    public String text(String column) {
        Object value = values.get(column);
        return value == null ? null : value.toString();
    }
}
