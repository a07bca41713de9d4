package org.diwan.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The login history behind the lockout, in the {@code security} schema: failed logins by name and address
 * key, the last success of each name from each address, and administrators' unlocks. Kept in the database
 * so that a lock survives a restart. Plain JDBC.
 */
final class LoginRecords {

    /** One failed login. */
    record Failure(String username, String address, Instant at) {
    }

    private static final int MAX = 64;

    private final DataSource dataSource;

    LoginRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void recordFailure(String username, String address, Instant at) {
        execute("INSERT INTO login_failure (username, failed_at, address) VALUES (?, ?, ?)", cut(username), at, cut(address));
    }

    /** The failures of a name from an address key after the given instant, oldest first. */
    List<Instant> pairFailuresAfter(String username, String address, Instant after) {
        List<Instant> times = new ArrayList<>();
        for (Failure f : query("SELECT username, address, failed_at FROM login_failure WHERE username = ? AND address = ?"
                + " AND failed_at > ? ORDER BY failed_at", cut(username), cut(address), after)) {
            times.add(f.at());
        }
        return times;
    }

    /** The failures of a name from any address after the given instant, oldest first. */
    List<Failure> failuresAfter(String username, Instant after) {
        return query("SELECT username, address, failed_at FROM login_failure WHERE username = ? AND failed_at > ?"
                + " ORDER BY failed_at", cut(username), after);
    }

    /** Every failure after the given instant, oldest first. */
    List<Failure> allFailuresAfter(Instant after) {
        return query("SELECT username, address, failed_at FROM login_failure WHERE failed_at > ? ORDER BY failed_at", after);
    }

    void recordSuccess(String username, String address, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE login_success SET succeeded_at = ? WHERE username = ? AND address = ?")) {
                bind(s, at, cut(username), cut(address));
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO login_success (username, address, succeeded_at) VALUES (?, ?, ?)")) {
                    bind(s, cut(username), cut(address), at);
                    s.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // a login from the same place at the same moment stored it first: the same fact
                }
            }
        } catch (SQLException e) {
            throw failure("record login", e);
        }
    }

    /** When the name last logged in from that address key. */
    Optional<Instant> lastSuccess(String username, String address) {
        return instant("SELECT succeeded_at FROM login_success WHERE username = ? AND address = ?", cut(username), cut(address));
    }

    /** When the name last logged in from anywhere. */
    Optional<Instant> lastSuccess(String username) {
        return instant("SELECT MAX(succeeded_at) FROM login_success WHERE username = ?", cut(username));
    }

    void recordUnlock(String username, Instant at) {
        execute("DELETE FROM login_unlock WHERE username = ?", cut(username));
        execute("INSERT INTO login_unlock (username, unlocked_at) VALUES (?, ?)", cut(username), at);
    }

    Optional<Instant> lastUnlock(String username) {
        return instant("SELECT unlocked_at FROM login_unlock WHERE username = ?", cut(username));
    }

    /** Forgets failures and unlocks before {@code failuresBefore} and addresses not used to log in since {@code successesBefore}. */
    void prune(Instant failuresBefore, Instant successesBefore) {
        execute("DELETE FROM login_failure WHERE failed_at < ?", failuresBefore);
        execute("DELETE FROM login_unlock WHERE unlocked_at < ?", failuresBefore);
        execute("DELETE FROM login_success WHERE succeeded_at < ?", successesBefore);
    }

    private List<Failure> query(String sql, Object... parameters) {
        List<Failure> failures = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    failures.add(new Failure(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw failure("read login failures", e);
        }
        return failures;
    }

    private Optional<Instant> instant(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw failure("read login history", e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("write login history", e);
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Instant at) {
                s.setTimestamp(i + 1, Timestamp.from(at));
            } else {
                s.setString(i + 1, (String) parameters[i]);
            }
        }
    }

    private static String cut(String value) {
        return value.length() > MAX ? value.substring(0, MAX) : value;
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("database: could not " + what + " (" + e.getSQLState() + ")", e);
    }
}
