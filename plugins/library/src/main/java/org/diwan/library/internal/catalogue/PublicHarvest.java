package org.diwan.library.internal.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * What harvesters see of the catalogue (OAI-PMH, {@code deletedRecord=persistent}): the public records and the
 * tombstones of those that left the public, as one stream in id order. The two never overlap: a record made public
 * again loses its tombstone in the same transaction ({@link RecordTombstones}), and a live record is in the stream
 * only while public.
 */
public final class PublicHarvest {

    /** The last moment a TIMESTAMP column holds: Derby's years end with 9999. */
    private static final Instant LAST_TIMESTAMP = Instant.parse("9999-12-31T23:59:59.999Z");

    private final DataSource dataSource;
    private final CatalogueStore records;

    public PublicHarvest(DataSource dataSource, CatalogueStore records) {
        this.dataSource = dataSource;
        this.records = records;
    }

    /**
     * One page: entries of this type if given, with a datestamp (a record's last change, a tombstone's removal) within
     * [{@code from}, {@code until}] (either may be open; {@code until} to the end of its millisecond, as a token carries
     * it), with an id after {@code afterId}, in id order.
     */
    public List<Harvested> page(RecordType type, Instant from, Instant until, String afterId, int limit) throws SQLException {
        // the end of until's millisecond; none past the last day Derby holds (9999-12-31)
        Instant before = until == null ? null : until.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        if (before != null && before.isAfter(LAST_TIMESTAMP)) {
            before = null;
        }
        // two reads in id order, each along its primary key, merged here: one UNION sorted by the database would sort
        // the whole catalogue for every page
        List<String> liveIds = ids("SELECT id FROM catalogue_record WHERE access_level = 'PUBLIC'"
                + conditions(type, from, before, afterId, "id", "updated_at") + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                type, from, before, afterId);
        List<String> goneIds = ids("SELECT record_id FROM record_tombstone WHERE was_public = TRUE"
                + conditions(type, from, before, afterId, "record_id", "removed_at") + " ORDER BY record_id FETCH FIRST " + limit + " ROWS ONLY",
                type, from, before, afterId);
        // a record withdrawn between the two reads is in both: once is enough
        TreeSet<String> merged = new TreeSet<>(liveIds);
        merged.addAll(goneIds);
        List<String> order = new ArrayList<>(merged);
        if (order.size() > limit) {
            order = order.subList(0, limit);
        }
        // each shown as it is now (withdrawn, deleted or public again since the reads), so that no entry of the page is
        // lost: the provider tells from the page's size whether there are more
        Map<String, CatalogueRecord> found = records.getAll(order);
        Map<String, Tombstone> tombstones = RecordTombstones.all(dataSource, order);
        List<Harvested> page = new ArrayList<>();
        for (String id : order) {
            if (found.containsKey(id) && found.get(id).access() == AccessLevel.PUBLIC) {
                page.add(Harvested.live(found.get(id)));
            } else if (tombstones.containsKey(id) && tombstones.get(id).wasPublic()) {
                page.add(Harvested.gone(tombstones.get(id)));
            }
        }
        return page;
    }

    /** The public record or the tombstone harvesters know under this id; empty when they never could see it. */
    public Optional<Harvested> find(String id) throws SQLException {
        Optional<CatalogueRecord> record = records.get(id);
        if (record.isPresent() && record.get().access() == AccessLevel.PUBLIC) {
            return Optional.of(Harvested.live(record.get()));
        }
        Tombstone tombstone = RecordTombstones.all(dataSource, List.of(id)).get(id);
        return tombstone == null || !tombstone.wasPublic() ? Optional.empty() : Optional.of(Harvested.gone(tombstone));
    }

    /** The earliest datestamp of the stream, or empty when it is empty. */
    public Optional<Instant> earliest() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT MIN(updated_at) FROM catalogue_record"
                + " WHERE access_level = 'PUBLIC' UNION ALL SELECT MIN(removed_at) FROM record_tombstone WHERE was_public = TRUE");
                ResultSet rs = s.executeQuery()) {
            Instant earliest = null;
            while (rs.next()) {
                Timestamp t = rs.getTimestamp(1);
                if (t != null && (earliest == null || t.toInstant().isBefore(earliest))) {
                    earliest = t.toInstant();
                }
            }
            return Optional.ofNullable(earliest);
        }
    }

    private List<String> ids(String sql, RecordType type, Instant from, Instant before, String afterId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, 1, type, from, before, afterId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static String conditions(RecordType type, Instant from, Instant before, String afterId, String id, String datestamp) {
        StringBuilder sql = new StringBuilder();
        if (type != null) {
            sql.append(" AND record_type = ?");
        }
        if (from != null) {
            sql.append(" AND ").append(datestamp).append(" >= ?");
        }
        if (before != null) {
            sql.append(" AND ").append(datestamp).append(" < ?");
        }
        if (afterId != null) {
            sql.append(" AND ").append(id).append(" > ?");
        }
        return sql.toString();
    }

    private static int bind(PreparedStatement s, int first, RecordType type, Instant from, Instant before, String afterId) throws SQLException {
        int i = first;
        if (type != null) {
            s.setString(i++, type.name());
        }
        if (from != null) {
            s.setTimestamp(i++, Timestamp.from(from));
        }
        if (before != null) {
            s.setTimestamp(i++, Timestamp.from(before));
        }
        if (afterId != null) {
            s.setString(i++, afterId);
        }
        return i;
    }
}
