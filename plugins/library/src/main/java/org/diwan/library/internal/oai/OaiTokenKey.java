package org.diwan.library.internal.oai;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;

import javax.sql.DataSource;

/**
 * This node's key for resumption tokens: 256 random bits made at first use and kept in the library's schema
 * (table {@code oai_token_key}), so that tokens stay valid across restarts and a token from one node means
 * nothing to another. Held in memory once read.
 */
public final class OaiTokenKey {

    private static final int ROW = 1;

    private final DataSource dataSource;
    private final Clock clock;
    private volatile byte[] key;

    public OaiTokenKey(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    byte[] get() throws SQLException {
        byte[] known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = readOrMake();
                }
                known = key;
            }
        }
        return known;
    }

    private byte[] readOrMake() throws SQLException {
        byte[] stored = read();
        if (stored != null) {
            return stored;
        }
        byte[] made = new byte[32];
        new SecureRandom().nextBytes(made);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO oai_token_key (id, secret, created_at) VALUES (?, ?, ?)")) {
            s.setInt(1, ROW);
            s.setString(2, Base64.getEncoder().encodeToString(made));
            s.setTimestamp(3, Timestamp.from(clock.instant()));
            s.executeUpdate();
            return made;
        } catch (SQLIntegrityConstraintViolationException e) {
            // another component of this node made it first: theirs is the key
            return read();
        }
    }

    private byte[] read() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT secret FROM oai_token_key WHERE id = ?")) {
            s.setInt(1, ROW);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Base64.getDecoder().decode(rs.getString(1)) : null;
            }
        }
    }
}
