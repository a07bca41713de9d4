package org.diwan.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.persistence.Transactions;
import org.diwan.api.security.ApiToken;

/** API tokens in the {@code security} schema, by the keyed hash of their secret. Plain JDBC. */
final class ApiTokenStore {

    /** A token found by its hash, with whether its owner's account is enabled. */
    record Found(ApiToken token, boolean ownerEnabled) {
    }

    private static final String SELECT = "SELECT t.id, a.username, t.name, t.scope, t.created_at, t.created_by, t.expires_at,"
            + " t.last_used_at, t.revoked_at, a.enabled FROM api_token t JOIN account a ON a.id = t.account_id";

    private final DataSource dataSource;

    ApiTokenStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(ApiToken token, UUID accountId, String hash) {
        insert(token, accountId, hash, AccountRepository.Recorded.NONE);
    }

    /** @param recorded writes the audit entry in the insert's transaction */
    void insert(ApiToken token, UUID accountId, String hash, AccountRepository.Recorded recorded) {
        try {
            Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO api_token (id, account_id, name, token_hash, scope, created_at,"
                        + " created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, token.id().toString());
                    s.setString(2, accountId.toString());
                    s.setString(3, token.name());
                    s.setString(4, hash);
                    s.setString(5, String.join(" ", new TreeSet<>(token.scope())));
                    s.setTimestamp(6, Timestamp.from(token.createdAt()));
                    s.setString(7, token.createdBy());
                    s.setTimestamp(8, Timestamp.from(token.expiresAt()));
                    s.executeUpdate();
                }
                recorded.record(c);
                return null;
            });
        } catch (SQLException e) {
            throw failure("store an API token", e);
        }
    }

    Optional<Found> findByHash(String hash) {
        List<Found> found = query(SELECT + " WHERE t.token_hash = ?", hash);
        return found.stream().findFirst();
    }

    Optional<ApiToken> find(UUID id) {
        return query(SELECT + " WHERE t.id = ?", id.toString()).stream().map(Found::token).findFirst();
    }

    List<ApiToken> list(String owner) {
        return query(SELECT + " WHERE a.username = ? ORDER BY t.created_at DESC", owner).stream().map(Found::token).toList();
    }

    List<ApiToken> listAll() {
        return query(SELECT + " ORDER BY t.created_at DESC").stream().map(Found::token).toList();
    }

    /** @return whether a token of that owner, not yet revoked, was revoked now */
    boolean revoke(UUID id, String owner, Instant at, String by) {
        return revoke(id, owner, at, by, AccountRepository.Recorded.NONE);
    }

    /** @param recorded writes the audit entry in the revocation's transaction, when a token was revoked */
    boolean revoke(UUID id, String owner, Instant at, String by, AccountRepository.Recorded recorded) {
        try {
            return Transactions.inTransaction(dataSource, c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ?"
                        + " AND revoked_at IS NULL AND account_id = (SELECT id FROM account WHERE username = ?)")) {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, by);
                    s.setString(3, id.toString());
                    s.setString(4, owner);
                    if (s.executeUpdate() != 1) {
                        return false;
                    }
                }
                recorded.record(c);
                return true;
            });
        } catch (SQLException e) {
            throw failure("revoke an API token", e);
        }
    }

    /** Notes a use, unless one at or after {@code notBefore} is noted already (another call of the same minute). */
    void touch(UUID id, Instant at, Instant notBefore) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, id.toString());
            s.setTimestamp(3, Timestamp.from(notBefore));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("note an API token's use", e);
        }
    }

    private List<Found> query(String sql, String... parameters) {
        List<Found> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Set<String> scope = new TreeSet<>(Arrays.asList(rs.getString(4).split(" ")));
                    scope.remove("");
                    ApiToken token = new ApiToken(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3), scope,
                            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getTimestamp(7).toInstant(), instant(rs, 8), instant(rs, 9));
                    found.add(new Found(token, rs.getBoolean(10)));
                }
            }
        } catch (SQLException e) {
            throw failure("read API tokens", e);
        }
        return found;
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? Optional.empty() : Optional.of(at.toInstant());
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("database: could not " + what + " (" + e.getSQLState() + ")", e);
    }
}
