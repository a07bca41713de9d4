package org.diwan.library.internal.authority;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.persistence.Transactions;
import org.diwan.library.internal.Written;

/** The authority tables: names, variants, "see also" links both ways, and merges. */
public final class AuthorityStore {

    private static final String COLUMNS = "id, kind, name_ar, name_en, name_fr, variants, note, merged_into, version, updated_at, updated_by";

    private final DataSource dataSource;
    private final Clock clock;

    public AuthorityStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Authority create(AuthorityDraft draft, String actor) throws SQLException {
        return create(draft, actor, Written.NONE);
    }

    /** @param written records the change (audit entry, event) in its transaction */
    public Authority create(AuthorityDraft draft, String actor, Written written) throws SQLException {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Transactions.inTransaction(dataSource, c -> {
            checkRelated(c, id, draft.related());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO authority (id, kind, name_ar, name_en, name_fr, variants, note,"
                    + " version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, draft.kind().name());
                bindNames(s, 3, draft);
                s.setTimestamp(8, Timestamp.from(now));
                s.setString(9, actor);
                s.setTimestamp(10, Timestamp.from(now));
                s.setString(11, actor);
                s.executeUpdate();
            }
            linkRelated(c, id, draft.related());
            written.written(c, id);
            return null;
        });
        return get(id).orElseThrow();
    }

    /** Saves an edit made from {@code version}; refused whole when someone saved in between. */
    public Authority update(String id, int version, AuthorityDraft draft, String actor) throws SQLException, StaleEditException {
        return update(id, version, draft, actor, Written.NONE);
    }

    /** @param written records the change (audit entry, event) in its transaction, when it is made */
    public Authority update(String id, int version, AuthorityDraft draft, String actor, Written written)
            throws SQLException, StaleEditException {
        int updated = Transactions.inTransaction(dataSource, c -> {
            checkRelated(c, id, draft.related());
            int rows;
            try (PreparedStatement s = c.prepareStatement("UPDATE authority SET kind = ?, name_ar = ?, name_en = ?, name_fr = ?, variants = ?,"
                    + " note = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ? AND merged_into IS NULL")) {
                s.setString(1, draft.kind().name());
                bindNames(s, 2, draft);
                s.setTimestamp(7, Timestamp.from(clock.instant()));
                s.setString(8, actor);
                s.setString(9, id);
                s.setInt(10, version);
                rows = s.executeUpdate();
            }
            if (rows == 1) {
                unlinkRelated(c, id);
                linkRelated(c, id, draft.related());
                written.written(c, id);
            }
            return rows;
        });
        Authority current = get(id).orElseThrow(() -> new IllegalArgumentException("no authority " + id));
        if (updated == 0) {
            throw new StaleEditException(id, current.version(), current);
        }
        return current;
    }

    public Optional<Authority> get(String id) throws SQLException {
        return Optional.ofNullable(getAll(List.of(id)).get(id));
    }

    /** The authorities with these ids that exist, by id. */
    public Map<String, Authority> getAll(Collection<String> ids) throws SQLException {
        Map<String, Authority> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < distinct.size(); from += 100) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 100));
                String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
                // the chunk's "see also" links in one query, not one per authority: pages label facets with these
                Map<String, List<String>> related = new java.util.HashMap<>();
                try (PreparedStatement s = c.prepareStatement("SELECT authority_id, related_id FROM authority_related WHERE authority_id IN ("
                        + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            related.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                        }
                    }
                }
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM authority WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString("id"), read(rs, related.getOrDefault(rs.getString("id"), List.of())));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every authority, merged ones included (they answer for their old id), for rebuilding the search index. */
    public void forEach(Consumer<Authority> sink) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM authority ORDER BY id");
                PreparedStatement rel = c.prepareStatement("SELECT authority_id, related_id FROM authority_related ORDER BY authority_id");
                ResultSet rs = s.executeQuery();
                ResultSet links = rel.executeQuery()) {
            boolean more = links.next();
            while (rs.next()) {
                String id = rs.getString("id");
                List<String> related = new ArrayList<>();
                // both ordered by id: walk them together instead of a query per authority
                while (more && links.getString(1).compareTo(id) < 0) {
                    more = links.next();
                }
                while (more && links.getString(1).equals(id)) {
                    related.add(links.getString(2));
                    more = links.next();
                }
                sink.accept(read(rs, related));
            }
        }
    }

    /**
     * Merges {@code duplicate} into {@code kept}: every description that named the duplicate names the one kept
     * (once, where it named both), its names become variants of the one kept, its "see also" links move, and the
     * duplicate stays as a pointer to the one kept.
     *
     * @return the ids of the descriptions that changed
     */
    public List<String> merge(String duplicate, String kept, String actor) throws SQLException {
        return merge(duplicate, kept, actor, (c, changed) -> { });
    }

    /** The authority's version as this transaction sees it. */
    public static long version(java.sql.Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM authority WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no authority " + id);
                }
                return rs.getLong(1);
            }
        }
    }

    /** What a merge records in its transaction: the duplicate, the one kept and the descriptions that changed. */
    @FunctionalInterface
    public interface Merged {
        void merged(java.sql.Connection connection, List<String> records) throws SQLException;
    }

    /** @param merged records the merge (audit entry, events) in its transaction */
    public List<String> merge(String duplicate, String kept, String actor, Merged merged) throws SQLException {
        if (duplicate.equals(kept)) {
            throw new IllegalArgumentException("an authority cannot be merged into itself");
        }
        return Transactions.inTransaction(dataSource, c -> {
            Authority from = lockedLive(c, duplicate);
            Authority into = lockedLive(c, kept);
            if (from.kind() != into.kind()) {
                throw new IllegalArgumentException("a " + from.kind() + " cannot be merged into a " + into.kind());
            }
            List<String> records = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT record_id FROM record_authority WHERE authority_id = ?")) {
                s.setString(1, duplicate);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        records.add(rs.getString(1));
                    }
                }
            }
            // where a description named both, the duplicate's link goes; elsewhere it points to the one kept
            try (PreparedStatement s = c.prepareStatement("DELETE FROM record_authority WHERE authority_id = ? AND EXISTS (SELECT 1 FROM"
                    + " record_authority k WHERE k.record_id = record_authority.record_id AND k.role = record_authority.role AND k.authority_id = ?)")) {
                s.setString(1, duplicate);
                s.setString(2, kept);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE record_authority SET authority_id = ? WHERE authority_id = ?")) {
                s.setString(1, kept);
                s.setString(2, duplicate);
                s.executeUpdate();
            }
            Set<String> related = new LinkedHashSet<>(into.related());
            related.addAll(from.related());
            related.remove(kept);
            related.remove(duplicate);
            unlinkRelated(c, duplicate);
            unlinkRelated(c, kept);
            linkRelated(c, kept, List.copyOf(related));
            Set<String> variants = new LinkedHashSet<>(into.variants());
            for (String name : Arrays.asList(from.name().ar(), from.name().en(), from.name().fr())) {
                if (name != null && !name.equals(into.name().ar()) && !name.equals(into.name().en()) && !name.equals(into.name().fr())) {
                    variants.add(name);
                }
            }
            variants.addAll(from.variants());
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement s = c.prepareStatement("UPDATE authority SET variants = ?, version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE id = ?")) {
                s.setString(1, joinLines(List.copyOf(variants)));
                s.setTimestamp(2, now);
                s.setString(3, actor);
                s.setString(4, kept);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE authority SET merged_into = ?, version = version + 1, updated_at = ?,"
                    + " updated_by = ? WHERE id = ?")) {
                s.setString(1, kept);
                s.setTimestamp(2, now);
                s.setString(3, actor);
                s.setString(4, duplicate);
                s.executeUpdate();
            }
            // earlier merges into the duplicate now lead to the one kept
            try (PreparedStatement s = c.prepareStatement("UPDATE authority SET merged_into = ? WHERE merged_into = ?")) {
                s.setString(1, kept);
                s.setString(2, duplicate);
                s.executeUpdate();
            }
            merged.merged(c, records);
            return records;
        });
    }

    private Authority lockedLive(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM authority WHERE id = ? FOR UPDATE")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no authority " + id);
                }
                Authority authority = read(rs, related(c, id));
                if (authority.mergedInto() != null) {
                    throw new IllegalArgumentException("authority " + id + " was merged already");
                }
                return authority;
            }
        }
    }

    private static void checkRelated(Connection c, String id, List<String> related) throws SQLException {
        for (String other : related) {
            if (other.equals(id)) {
                throw new IllegalArgumentException("an authority cannot be related to itself");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM authority WHERE id = ? AND merged_into IS NULL")) {
                s.setString(1, other);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no authority " + other);
                    }
                }
            }
        }
    }

    private static void linkRelated(Connection c, String id, List<String> related) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO authority_related (authority_id, related_id) VALUES (?, ?)")) {
            for (String other : new LinkedHashSet<>(related)) {
                s.setString(1, id);
                s.setString(2, other);
                s.addBatch();
                s.setString(1, other);
                s.setString(2, id);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void unlinkRelated(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM authority_related WHERE authority_id = ? OR related_id = ?")) {
            s.setString(1, id);
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    private static List<String> related(Connection c, String id) throws SQLException {
        List<String> related = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT related_id FROM authority_related WHERE authority_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    related.add(rs.getString(1));
                }
            }
        }
        return related;
    }

    private static void bindNames(PreparedStatement s, int first, AuthorityDraft draft) throws SQLException {
        s.setString(first, draft.name().ar());
        s.setString(first + 1, draft.name().en());
        s.setString(first + 2, draft.name().fr());
        s.setString(first + 3, draft.variants().isEmpty() ? null : joinLines(draft.variants()));
        s.setString(first + 4, draft.note());
    }

    private static String joinLines(List<String> lines) {
        return String.join("\n", lines);
    }

    private static Authority read(ResultSet rs, List<String> related) throws SQLException {
        String variants = rs.getString("variants");
        return new Authority(rs.getString("id"), AuthorityKind.valueOf(rs.getString("kind")),
                LocalizedText.of(rs.getString("name_ar"), rs.getString("name_en"), rs.getString("name_fr")),
                variants == null || variants.isEmpty() ? List.of() : List.of(variants.split("\n")), rs.getString("note"), related,
                rs.getString("merged_into"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
