package org.diwan.library.internal.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Readers' saved searches (LIB-4, "by their interests"): each belongs to one user, who alone sees, opens and
 * deletes it. Opening one marks its results seen; the list tells how many records are new or changed since. A reader
 * may ask for what is new by e-mail ({@link org.diwan.library.internal.alerts.SavedSearchAlerts}).
 */
@Component(service = SavedSearches.class)
public final class SavedSearches {

    /** Most saved searches one reader keeps. */
    public static final int MAX_PER_USER = 50;

    private final DataSource library;
    private final Clock clock;

    @Activate
    public SavedSearches(@Reference(target = "(diwan.schema=library)") DataSource library) {
        this(library, Clock.systemUTC());
    }

    public SavedSearches(DataSource library, Clock clock) {
        this.library = library;
        this.clock = clock;
    }

    /**
     * Saves a search for its reader, seen as of now.
     *
     * @throws IllegalStateException when the reader keeps {@link #MAX_PER_USER} already
     */
    public SavedSearch save(String username, String name, String query) throws SQLException {
        SavedSearch saved = new SavedSearch(UUID.randomUUID().toString(), username, name, query, clock.instant(), clock.instant());
        try (Connection c = library.getConnection()) {
            if (list(c, username).size() >= MAX_PER_USER) {
                throw new IllegalStateException("at most " + MAX_PER_USER + " saved searches");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO saved_search (id, username, name, query, last_seen_at, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, saved.id());
                s.setString(2, username);
                s.setString(3, name);
                s.setString(4, query);
                s.setTimestamp(5, Timestamp.from(saved.lastSeen()));
                s.setTimestamp(6, Timestamp.from(saved.created()));
                s.executeUpdate();
            }
        }
        return saved;
    }

    public List<SavedSearch> of(String username) throws SQLException {
        try (Connection c = library.getConnection()) {
            return list(c, username);
        }
    }

    /** The reader's saved search with this id; another reader's is not found. */
    public Optional<SavedSearch> get(String username, String id) throws SQLException {
        return of(username).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Marks the search's results seen now. */
    public void seen(SavedSearch search) throws SQLException {
        try (Connection c = library.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE saved_search SET last_seen_at = ? WHERE id = ? AND username = ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, search.id());
            s.setString(3, search.username());
            s.executeUpdate();
        }
    }

    /** @return whether the reader had such a search */
    public boolean delete(String username, String id) throws SQLException {
        try (Connection c = library.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM saved_search WHERE id = ? AND username = ?")) {
            s.setString(1, id);
            s.setString(2, username);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Starts or stops the reader's e-mail alerts on a search. Started, only what changes from now on is alerted: the
     * reader has the rest in front of them.
     *
     * @return whether the reader had such a search
     */
    public boolean alerts(String username, String id, boolean on) throws SQLException {
        // asked twice, alerts go on from where they were: nothing is mailed again, nothing skipped
        String sql = on ? "UPDATE saved_search SET alerts = TRUE, alerted_until = COALESCE(alerted_until, ?) WHERE id = ? AND username = ?"
                : "UPDATE saved_search SET alerts = FALSE, alerted_until = NULL WHERE id = ? AND username = ?";
        try (Connection c = library.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (on) {
                s.setTimestamp(i++, Timestamp.from(clock.instant()));
            }
            s.setString(i++, id);
            s.setString(i, username);
            return s.executeUpdate() == 1;
        }
    }

    /** The searches with alerts last alerted up to {@code before} or earlier: those whose next alert is due. */
    public List<SavedSearch> dueForAlert(Instant before) throws SQLException {
        try (Connection c = library.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM saved_search"
                + " WHERE alerts = TRUE AND alerted_until <= ? ORDER BY alerted_until, id")) {
            s.setTimestamp(1, Timestamp.from(before));
            return read(s);
        }
    }

    /**
     * Takes the alert of the changes in [{@code search.alertedUntil()}, {@code until}) for this run: false when another
     * run (another node, a restart) took it or the reader stopped the alerts meanwhile. Taken before the mail is sent,
     * so that no change is ever mailed twice.
     */
    public boolean claim(SavedSearch search, Instant until) throws SQLException {
        return move(search.id(), search.alertedUntil(), until);
    }

    /** Gives a claimed alert back when its mail could not be sent: the changes come with the next run. */
    public void release(SavedSearch search, Instant until) throws SQLException {
        move(search.id(), until, search.alertedUntil());
    }

    private boolean move(String id, Instant from, Instant to) throws SQLException {
        try (Connection c = library.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE saved_search SET alerted_until = ? WHERE id = ? AND alerts = TRUE AND alerted_until = ?")) {
            s.setTimestamp(1, Timestamp.from(to));
            s.setString(2, id);
            s.setTimestamp(3, Timestamp.from(from));
            return s.executeUpdate() == 1;
        }
    }

    private static final String COLUMNS = "id, username, name, query, last_seen_at, created_at, alerts, alerted_until";

    private static List<SavedSearch> list(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM saved_search WHERE username = ? ORDER BY created_at")) {
            s.setString(1, username);
            return read(s);
        }
    }

    private static List<SavedSearch> read(PreparedStatement s) throws SQLException {
        List<SavedSearch> all = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp until = rs.getTimestamp(8);
                all.add(new SavedSearch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(), rs.getBoolean(7), until == null ? null : until.toInstant()));
            }
        }
        return all;
    }
}
