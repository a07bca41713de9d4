package org.diwan.library.internal.catalogue;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.persistence.Transactions;
import org.diwan.library.internal.Written;

/** The catalogue's tables: one row per description, its authority links in order. */
public final class CatalogueStore {

    private static final String COLUMNS = "id, record_type, title_ar, title_en, title_fr, symbol, session_label, issued_on, pub_year,"
            + " language, publisher, place, extent, identifier, call_number, summary, access_level, parent_id, other_titles, version, updated_at, updated_by";
    private static final int CHUNK = 100;
    private static final int GONE = 0;
    private static final int DELETED = 1;
    private static final int IN_USE = 2;
    private static final int HAS_COPIES = 3;

    private final DataSource dataSource;
    private final Clock clock;

    public CatalogueStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public CatalogueRecord create(RecordDraft draft, String actor) throws SQLException {
        return create(draft, actor, Written.NONE);
    }

    /** @param written records the change (audit entry, event) in its transaction */
    public CatalogueRecord create(RecordDraft draft, String actor, Written written) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Transactions.inTransaction(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO catalogue_record (" + COLUMNS.replace(", version, updated_at, updated_by", "")
                    + ", version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
                s.setString(1, id);
                int next = bind(s, 2, draft);
                s.setTimestamp(next, Timestamp.from(now));
                s.setString(next + 1, actor);
                s.setTimestamp(next + 2, Timestamp.from(now));
                s.setString(next + 3, actor);
                s.executeUpdate();
            }
            writeLinks(c, id, draft.links());
            writeIdentifierKeys(c, id, draft.identifier());
            written.written(c, id);
            return null;
        });
        return get(id).orElseThrow();
    }

    /** Saves an edit made from {@code version}; refused whole when someone saved in between. */
    public CatalogueRecord update(String id, int version, RecordDraft draft, String actor) throws SQLException, StaleEditException {
        return update(id, version, draft, actor, Written.NONE);
    }

    /** @param written records the change (audit entry, event) in its transaction, when it is made */
    public CatalogueRecord update(String id, int version, RecordDraft draft, String actor, Written written)
            throws SQLException, StaleEditException {
        Instant now = clock.instant();
        int updated = Transactions.inTransaction(dataSource, c -> {
            // read in the transaction: an edit saved in between changes the version, and this one is then refused
            AccessLevel before = access(c, id);
            int rows;
            try (PreparedStatement s = c.prepareStatement("UPDATE catalogue_record SET record_type = ?, title_ar = ?, title_en = ?, title_fr = ?,"
                    + " symbol = ?, session_label = ?, issued_on = ?, pub_year = ?, language = ?, publisher = ?, place = ?, extent = ?,"
                    + " identifier = ?, call_number = ?, summary = ?, access_level = ?, parent_id = ?, other_titles = ?, version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE id = ? AND version = ?")) {
                int next = bind(s, 1, draft);
                s.setTimestamp(next, Timestamp.from(now));
                s.setString(next + 1, actor);
                s.setString(next + 2, id);
                s.setInt(next + 3, version);
                rows = s.executeUpdate();
            }
            if (rows == 1) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM record_authority WHERE record_id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
                writeLinks(c, id, draft.links());
                RecordTombstones.accessChanged(c, id, draft.type(), before, draft.access(), now, actor);
                writeIdentifierKeys(c, id, draft.identifier());
                written.written(c, id);
            }
            return rows;
        });
        CatalogueRecord current = get(id).orElseThrow(() -> new IllegalArgumentException("no record " + id));
        if (updated == 0) {
            throw new StaleEditException(id, current.version(), current);
        }
        return current;
    }

    /** What harvesters see: the public records and the tombstones of those that left the public. */
    public PublicHarvest harvest() {
        return new PublicHarvest(dataSource, this);
    }

    public Optional<CatalogueRecord> get(String id) throws SQLException {
        return Optional.ofNullable(getAll(List.of(id)).get(id));
    }

    /** The records with these ids that exist, in the order asked (a search's order). */
    public Map<String, CatalogueRecord> getAll(Collection<String> ids) throws SQLException {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<String, CatalogueRecord> found = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < distinct.size(); from += CHUNK) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                Map<String, List<AuthorityLink>> links = new java.util.HashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT record_id, role, authority_id FROM record_authority WHERE record_id IN ("
                        + marks + ") ORDER BY record_id, role, position")) {
                    bindAll(s, chunk);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                    .add(new AuthorityLink(Role.valueOf(rs.getString(2)), rs.getString(3)));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM catalogue_record WHERE id IN (" + marks + ")")) {
                    bindAll(s, chunk);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString("id"), read(rs, links.getOrDefault(rs.getString("id"), List.of())));
                        }
                    }
                }
            }
        }
        Map<String, CatalogueRecord> ordered = new LinkedHashMap<>();
        for (String id : distinct) {
            if (found.containsKey(id)) {
                ordered.put(id, found.get(id));
            }
        }
        return ordered;
    }

    /** Every record with its links, for rebuilding the search index: two ordered reads walked together. */
    public void forEach(Consumer<CatalogueRecord> sink) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM catalogue_record ORDER BY id");
                PreparedStatement l = c.prepareStatement("SELECT record_id, role, authority_id FROM record_authority ORDER BY record_id, role, position");
                ResultSet rs = s.executeQuery();
                ResultSet links = l.executeQuery()) {
            boolean more = links.next();
            while (rs.next()) {
                String id = rs.getString("id");
                List<AuthorityLink> own = new ArrayList<>();
                while (more && links.getString(1).compareTo(id) < 0) {
                    more = links.next();
                }
                while (more && links.getString(1).equals(id)) {
                    own.add(new AuthorityLink(Role.valueOf(links.getString(2)), links.getString(3)));
                    more = links.next();
                }
                sink.accept(read(rs, own));
            }
        }
    }

    /**
     * Deletes the record with its authority links, its digital objects' rows, its source MARC and match keys, leaving a
     * tombstone for harvesters; refused whole when records name it as their parent (a periodical's issues) or it has
     * copies or reservations.
     *
     * @param written records the deletion (audit entry, event) in its transaction
     * @return false when there is no such record (any more)
     */
    public boolean delete(CatalogueRecord record, String actor, Written written) throws SQLException, RecordInUse {
        String id = record.id();
        Instant now = clock.instant();
        int outcome;
        try {
            outcome = Transactions.inTransaction(dataSource, c -> {
                AccessLevel before = access(c, id);
                if (before == null) {
                    return GONE;
                }
                if (!children(c, id).isEmpty()) {
                    return IN_USE;
                }
                // copies carry loans and reservations, the history of readers: they are withdrawn, never deleted
                if (count(c, "item", id) + count(c, "reservation", id) > 0) {
                    return HAS_COPIES;
                }
                // what belongs to the description alone goes with it: links, objects, the MARC it came as, its match keys
                for (String table : List.of("record_authority", "digital_object", "record_source", "record_match_key")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE record_id = ?")) {
                        s.setString(1, id);
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM catalogue_record WHERE id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
                RecordTombstones.deleted(c, id, record.type(), before, now, actor);
                written.written(c, id);
                return DELETED;
            });
        } catch (SQLException e) {
            // an issue or a copy saved between the checks and the delete: the foreign key refuses it
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new RecordInUse(id, RecordInUse.Reason.ISSUES_OR_COPIES);
            }
            throw e;
        }
        if (outcome == IN_USE || outcome == HAS_COPIES) {
            throw new RecordInUse(id, outcome == IN_USE ? RecordInUse.Reason.ISSUES : RecordInUse.Reason.COPIES);
        }
        return outcome == DELETED;
    }

    /** The ids of the records that name this one as their parent. */
    public List<String> children(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return children(c, id);
        }
    }

    private static List<String> children(Connection c, String id) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM catalogue_record WHERE parent_id = ? ORDER BY id")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** How many copies (or reservations) a record has. */
    public int copies(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return count(c, "item", id) + count(c, "reservation", id);
        }
    }

    private static int count(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE record_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static AccessLevel access(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT access_level FROM catalogue_record WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? AccessLevel.valueOf(rs.getString(1)) : null;
            }
        }
    }

    /** The ids of the records that name an authority, in any role. */
    public List<String> naming(String authorityId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT DISTINCT record_id FROM record_authority WHERE authority_id = ?")) {
            s.setString(1, authorityId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Gives the ISBN or ISSN keys to descriptions made before the catalogue kept them (once per start is enough:
     * every save keeps them since).
     */
    public int keyIdentifiers() throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            Map<String, String> missing = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, identifier FROM catalogue_record r WHERE identifier IS NOT NULL AND NOT EXISTS"
                    + " (SELECT 1 FROM record_match_key k WHERE k.record_id = r.id AND (k.match_key LIKE 'isbn:%' OR k.match_key LIKE 'issn:%'))");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    missing.put(rs.getString(1), rs.getString(2));
                }
            }
            for (Map.Entry<String, String> record : missing.entrySet()) {
                writeIdentifierKeys(c, record.getKey(), record.getValue());
            }
            return missing.size();
        });
    }

    /** Keeps a description's ISBN or ISSN as match keys ({@link MatchKeys}), for an import to find it by. */
    private static void writeIdentifierKeys(Connection c, String id, String identifier) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM record_match_key WHERE record_id = ? AND (match_key LIKE 'isbn:%' OR match_key LIKE 'issn:%')")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO record_match_key (match_key, record_id) VALUES (?, ?)")) {
            for (String key : MatchKeys.ofIdentifier(identifier)) {
                s.setString(1, key);
                s.setString(2, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void writeLinks(Connection c, String id, List<AuthorityLink> links) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO record_authority (record_id, role, position, authority_id) VALUES (?, ?, ?, ?)")) {
            Map<Role, Integer> positions = new java.util.EnumMap<>(Role.class);
            for (AuthorityLink link : links) {
                int position = positions.merge(link.role(), 1, Integer::sum);
                s.setString(1, id);
                s.setString(2, link.role().name());
                s.setInt(3, position);
                s.setString(4, link.authorityId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void bindAll(PreparedStatement s, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(i + 1, values.get(i));
        }
    }

    /** Binds the draft's columns from {@code first}, in {@link #COLUMNS} order after the id; returns the next index. */
    private static int bind(PreparedStatement s, int first, RecordDraft d) throws SQLException {
        int i = first;
        s.setString(i++, d.type().name());
        s.setString(i++, d.title().ar());
        s.setString(i++, d.title().en());
        s.setString(i++, d.title().fr());
        s.setString(i++, d.symbol());
        s.setString(i++, d.session());
        if (d.issuedOn() == null) {
            s.setNull(i++, Types.DATE);
        } else {
            s.setDate(i++, Date.valueOf(d.issuedOn()));
        }
        if (d.year() == null) {
            s.setNull(i++, Types.INTEGER);
        } else {
            s.setInt(i++, d.year());
        }
        s.setString(i++, d.language());
        s.setString(i++, d.publisher());
        s.setString(i++, d.place());
        s.setString(i++, d.extent());
        s.setString(i++, d.identifier());
        s.setString(i++, d.callNumber());
        s.setString(i++, d.summary());
        s.setString(i++, d.access().name());
        s.setString(i++, d.parentId());
        s.setString(i++, d.title().others().isEmpty() ? null : OtherTitle.format(d.title().others()));
        return i;
    }

    private static CatalogueRecord read(ResultSet rs, List<AuthorityLink> links) throws SQLException {
        Date issued = rs.getDate("issued_on");
        int year = rs.getInt("pub_year");
        Integer pubYear = rs.wasNull() ? null : year;
        return new CatalogueRecord(rs.getString("id"), RecordType.valueOf(rs.getString("record_type")),
                new Titles(rs.getString("title_ar"), rs.getString("title_en"), rs.getString("title_fr"), OtherTitle.parse(rs.getString("other_titles"))), rs.getString("symbol"),
                rs.getString("session_label"), issued == null ? null : issued.toLocalDate(), pubYear, rs.getString("language"),
                rs.getString("publisher"), rs.getString("place"), rs.getString("extent"), rs.getString("identifier"),
                rs.getString("call_number"), rs.getString("summary"), AccessLevel.valueOf(rs.getString("access_level")),
                rs.getString("parent_id"), links, rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
