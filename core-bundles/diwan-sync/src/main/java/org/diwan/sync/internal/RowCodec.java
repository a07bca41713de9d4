package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.JDBCType;
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
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A table's rows as JSON objects and back, by the columns that travel. Values keep their SQL meaning (timestamps
 * as ISO instants, dates as ISO dates, whole numbers and booleans as JSON ones, anything else as text): the wire
 * format the missions plugin has sent since its first release. Fields a receiving table does not have, or does
 * not take, are ignored, so a newer sender's extra column never breaks an older receiver; a payload never names
 * a column in SQL, only the table's own column list does.
 */
final class RowCodec {

    private final String table;
    private final Predicate<String> travels;
    private final Map<String, JDBCType> declared;
    /**
     * The table's columns, read once: asking the database's metadata for every row cost a catalogue query a row,
     * a third of a receiver's time when catching up. Tables change only by migrations, which run before the
     * plugin's bundle starts (and a new bundle registers its tables again).
     */
    private volatile Map<String, Integer> knownColumns;

    /**
     * @param travels  whether a column travels (not local)
     * @param declared the declared JDBC types of the columns that travel; empty to take the database's
     */
    RowCodec(String table, Predicate<String> travels, Map<String, JDBCType> declared) {
        this.table = table;
        this.travels = travels;
        this.declared = declared;
    }

    String table() {
        return table;
    }

    /** The rows {@code where} selects (it may end with an ORDER BY), as JSON with the columns that travel. */
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
                        if (travels.test(column)) {
                            put(row, column, rs, i, meta.getColumnType(i));
                        }
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * The payload's values of the columns this table takes, converted to their column's type; other fields are
     * ignored.
     *
     * @throws IllegalArgumentException when a value is not of its column's type
     */
    Map<String, Object> decode(Connection c, ObjectNode row) throws SQLException {
        Map<String, Integer> types = columnTypes(c);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String column = field.getKey().toLowerCase(Locale.ROOT);
            if (types.containsKey(column) && travels.test(column) && !values.containsKey(column)) {
                values.put(column, value(field.getValue(), types.get(column), column));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Inserts the row, or updates the one with this id, with these values and local columns.
     *
     * @param idColumn {@code null} for rows with no id of their own (child rows), which are only inserted
     * @throws IllegalArgumentException when a value does not fit its column
     */
    void write(Batch batch, String idColumn, Object id, Map<String, Object> values, Map<String, Object> local, boolean exists)
            throws SQLException {
        Map<String, Integer> types = columnTypes(batch.connection());
        Map<String, Object> all = new LinkedHashMap<>(values);
        if (idColumn != null) {
            all.remove(idColumn);
        }
        for (Map.Entry<String, Object> entry : local.entrySet()) {
            if (!types.containsKey(entry.getKey())) {
                throw new IllegalStateException(table + " has no column " + entry.getKey());
            }
            all.put(entry.getKey(), entry.getValue());
        }
        List<String> columns = new ArrayList<>(all.keySet());
        String sql;
        if (exists) {
            sql = "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE " + idColumn + " = ?";
        } else {
            List<String> names = new ArrayList<>(columns);
            if (idColumn != null) {
                names.add(idColumn);
            }
            sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + "?, ".repeat(names.size() - 1) + "?)";
        }
        try {
            PreparedStatement s = batch.statement(sql);
            int i = 1;
            for (String column : columns) {
                Object value = all.get(column);
                if (value == null) {
                    s.setNull(i++, types.getOrDefault(column, Types.VARCHAR));
                } else {
                    s.setObject(i++, value);
                }
            }
            if (idColumn != null) {
                s.setObject(i, id);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                // too long, wrong type, a missing required value or a broken reference: the data, not the database
                throw new IllegalArgumentException(table + " row " + id + " does not fit: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The JDBC types of the table's columns by lower-case name: the declared ones, or the database's. */
    Map<String, Integer> columnTypes(Connection c) throws SQLException {
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
        if (types.isEmpty()) {
            throw new SQLException("table " + table + " not found in schema " + c.getSchema());
        }
        for (Map.Entry<String, JDBCType> column : declared.entrySet()) {
            if (!types.containsKey(column.getKey())) {
                throw new IllegalStateException(table + " has no column " + column.getKey() + ", declared to travel");
            }
            types.put(column.getKey(), column.getValue().getVendorTypeNumber());
        }
        knownColumns = Map.copyOf(types);
        return knownColumns;
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
        if (!node.isValueNode()) {
            throw new IllegalArgumentException(column + " is not a single value");
        }
        try {
            return switch (type) {
                case Types.TIMESTAMP -> Timestamp.from(Instant.parse(node.asText()));
                case Types.DATE -> Date.valueOf(LocalDate.parse(node.asText()));
                case Types.INTEGER, Types.SMALLINT -> {
                    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                        throw new IllegalArgumentException(column + " is not a whole number");
                    }
                    yield node.asInt();
                }
                case Types.BIGINT -> {
                    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                        throw new IllegalArgumentException(column + " is not a whole number");
                    }
                    yield node.asLong();
                }
                case Types.BOOLEAN -> {
                    if (!node.isBoolean()) {
                        throw new IllegalArgumentException(column + " is not true or false");
                    }
                    yield node.asBoolean();
                }
                default -> node.asText();
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " is not a date: " + node.asText());
        }
    }
}
