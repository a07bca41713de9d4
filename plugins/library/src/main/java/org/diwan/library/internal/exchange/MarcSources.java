package org.diwan.library.internal.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.diwan.library.internal.catalogue.MatchKeys;
import org.marc4j.MarcXmlReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * The MARC records imported descriptions came as, and the keys that find a description when its record comes
 * again (tables {@code record_source} and {@code record_match_key}).
 */
final class MarcSources {

    /** A description's source record and the fingerprints of its mapped groups right after the import. */
    record Source(Record marc, Map<String, String> fingerprints) {
    }

    private static final int CHUNK = 100;

    private final DataSource dataSource;

    MarcSources(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps (or replaces) a description's source record and its match keys, in the caller's transaction. */
    void save(Connection c, String recordId, Record marc, Map<String, String> fingerprints, String actor, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM record_source WHERE record_id = ?")) {
            s.setString(1, recordId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO record_source (record_id, marc, mapped_digest, imported_at, imported_by) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, recordId);
            s.setString(2, xml(marc));
            s.setString(3, MappedGroups.format(fingerprints));
            s.setTimestamp(4, Timestamp.from(now));
            s.setString(5, actor);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM record_match_key WHERE record_id = ? AND match_key NOT LIKE 'isbn:%'"
                + " AND match_key NOT LIKE 'issn:%'")) {
            s.setString(1, recordId);
            s.executeUpdate();
        }
        Set<String> keys = keys(marc);
        keys.removeIf(k -> k.startsWith("isbn:") || k.startsWith("issn:"));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO record_match_key (match_key, record_id) VALUES (?, ?)")) {
            for (String key : keys) {
                s.setString(1, key);
                s.setString(2, recordId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The source records of these descriptions, for those imported. */
    Map<String, Source> getAll(Collection<String> ids) throws SQLException {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<String, Source> found = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < distinct.size(); from += CHUNK) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
                try (PreparedStatement s = c.prepareStatement("SELECT record_id, marc, mapped_digest FROM record_source WHERE record_id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Clob clob = rs.getClob(2);
                            String xml = clob.getSubString(1, (int) clob.length());
                            found.put(rs.getString(1), new Source(read(xml), MappedGroups.parse(rs.getString(3))));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The descriptions already here that a record's keys point at (its control number, system numbers, ISBN, ISSN). */
    Set<String> matching(Set<String> keys) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return ids;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT record_id FROM record_match_key WHERE match_key IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")")) {
            int i = 1;
            for (String key : keys) {
                s.setString(i++, key);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The keys a MARC record is known by elsewhere. */
    static Set<String> keys(Record marc) {
        Set<String> keys = new LinkedHashSet<>();
        ControlField number = (ControlField) marc.getVariableField("001");
        ControlField agency = (ControlField) marc.getVariableField("003");
        if (number != null && !number.getData().isBlank()) {
            keys.add(MatchKeys.control(number.getData(), agency == null ? null : agency.getData()));
        }
        for (DataField field : marc.getDataFields()) {
            for (Subfield a : field.getSubfields('a')) {
                switch (field.getTag()) {
                    case "035" -> {
                        if (!a.getData().isBlank()) {
                            keys.add(MatchKeys.system(a.getData()));
                        }
                    }
                    case "020", "022" -> keys.addAll(MatchKeys.ofIdentifier(a.getData()));
                    default -> {
                        // other fields identify nothing across libraries
                    }
                }
            }
        }
        return keys;
    }

    static String xml(Record marc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8");
        writer.write(marc);
        writer.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    static Record read(String xml) {
        MarcXmlReader reader = new MarcXmlReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return reader.next();
    }
}
