package org.diwan.missions.internal.sync;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A table row as a JSON object and back, by the table's own column list: what the missions plugin's record
 * types send. Values keep their SQL meaning (timestamps as ISO instants, dates as ISO dates); columns the
 * receiving table does not have, and the ones named local, are ignored, so a newer sender's extra column
 * never breaks an older receiver.
 */
final class RowCodec {

    /** Ids a version query asks for at once (Derby plans a long IN list slower). */
    private static final int IN_LIST = 100;

    private final String table;
    private final Set<String> local;
    /**
     * The table's columns, read once: asking the database's metadata for every row cost a catalogue query a row,
     * a third of a receiver's time when catching up. Tables change only by migrations, which run before the
     * plugin's bundle starts (and a new bundle brings new codecs).
     */
    private volatile Map<String, Integer> knownColumns;

    /**
     * @param table the table, in the connection's schema
     * @param local columns that describe this node's copy, never sent nor taken ({@code received_from})
     */
    RowCodec(String table, Set<String> local) {
        this.table = table;
        this.local = local;
    }

    String table() {
        return table;
    }

    /** The row with this id as JSON, or empty. */
    Optional<ObjectNode> read(Connection c, String id) throws SQLException {
        List<ObjectNode> rows = readWhere(c, "id = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    List<ObjectNode> readWhere(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<ObjectNode> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    ObjectNode row = JsonNodeFactory.instance.objectNode();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                        if (!local.contains(column)) {
                            put(row, column, rs, i, meta.getColumnType(i));
                        }
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The stored version of the row, or empty when there is none. */
    Optional<Long> version(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * The stored versions of these rows, by id; ids with no row are absent. One query for a batch of received
     * rows instead of one a row.
     */
    Map<String, Long> versions(Batch batch, List<String> ids) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            PreparedStatement s = batch.statement("SELECT id, version FROM " + table + " WHERE id IN (" + "?, ".repeat(chunk.size() - 1) + "?)");
            for (int i = 0; i < chunk.size(); i++) {
                s.setString(i + 1, chunk.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return versions;
    }

    /**
     * Inserts the row, or updates the stored one, from JSON; {@code extra} sets local columns too.
     *
     * @throws IllegalArgumentException when a value does not fit its column
     */
    void upsert(Connection c, ObjectNode row, Map<String, Object> extra, boolean exists) throws SQLException {
        try (Batch batch = new Batch(c)) {
            upsert(batch, row, extra, exists);
        }
    }

    /** {@link #upsert(Connection, ObjectNode, Map, boolean)} with the batch's statements. */
    void upsert(Batch batch, ObjectNode row, Map<String, Object> extra, boolean exists) throws SQLException {
        Map<String, Integer> types = columnTypes(batch.connection());
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String column = field.getKey().toLowerCase(Locale.ROOT);
            if (types.containsKey(column) && !local.contains(column) && !column.equals("id")) {
                values.put(column, value(field.getValue(), types.get(column), column));
            }
        }
        values.putAll(extra);
        String id = row.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(table + " row without id");
        }
        List<String> columns = new ArrayList<>(values.keySet());
        String sql = exists
                ? "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE id = ?"
                : "INSERT INTO " + table + " (" + String.join(", ", columns) + ", id) VALUES (" + "?, ".repeat(columns.size()) + "?)";
        try {
            PreparedStatement s = batch.statement(sql);
            int i = 1;
            for (String column : columns) {
                Object value = values.get(column);
                if (value == null) {
                    s.setNull(i++, types.getOrDefault(column, Types.VARCHAR));
                } else {
                    s.setObject(i++, value);
                }
            }
            s.setString(i, id);
            s.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                // too long, wrong type, a missing required value or a broken reference: the data, not the database
                throw new IllegalArgumentException(table + " row " + id + " does not fit: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private Map<String, Integer> columnTypes(Connection c) throws SQLException {
        Map<String, Integer> known = knownColumns;
        if (known != null) {
            return known;
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table.toUpperCase(Locale.ROOT), null)) {
            while (rs.next()) {
                types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
            }
        }
        if (!types.isEmpty()) {
            knownColumns = Map.copyOf(types);
        }
        return types;
    }

    private static void put(ObjectNode row, String column, ResultSet rs, int i, int type) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP -> {
                Timestamp t = rs.getTimestamp(i);
                row.put(column, t == null ? null : t.toInstant().toString());
            }
            case Types.DATE -> {
                Date d = rs.getDate(i);
                row.put(column, d == null ? null : d.toLocalDate().toString());
            }
            case Types.INTEGER, Types.SMALLINT, Types.BIGINT -> {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    row.putNull(column);
                } else {
                    row.put(column, v);
                }
            }
            case Types.BOOLEAN -> {
                boolean v = rs.getBoolean(i);
                if (rs.wasNull()) {
                    row.putNull(column);
                } else {
                    row.put(column, v);
                }
            }
            default -> row.put(column, rs.getString(i));
        }
    }

    private static Object value(JsonNode node, int type, String column) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return switch (type) {
                case Types.TIMESTAMP -> Timestamp.from(Instant.parse(node.asText()));
                case Types.DATE -> Date.valueOf(LocalDate.parse(node.asText()));
                case Types.INTEGER, Types.SMALLINT -> {
                    if (!node.canConvertToInt()) {
                        throw new IllegalArgumentException(column + " is not a whole number");
                    }
                    yield node.asInt();
                }
                case Types.BIGINT -> {
                    if (!node.canConvertToLong()) {
                        throw new IllegalArgumentException(column + " is not a whole number");
                    }
                    yield node.asLong();
                }
                case Types.BOOLEAN -> node.asBoolean();
                default -> node.asText();
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " is not a date: " + node.asText());
        }
    }
}
