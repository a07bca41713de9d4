package org.diwan.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.i18n.Language;
import org.diwan.api.security.Account;
import org.diwan.api.security.MailSettings;

/** Accounts and roles in the {@code security} schema (login history: {@link LoginRecords}). Plain JDBC, one method per statement group. */
final class AccountRepository {

    static final String LOCAL = "local";
    static final String LDAP = "ldap";

    /** An account with its stored password hash, which never leaves this bundle, and where its password is checked. */
    record Stored(Account account, String passwordHash, String source) {

        Stored(Account account, String passwordHash) {
            this(account, passwordHash, LOCAL);
        }

        boolean fromDirectory() {
            return LDAP.equals(source);
        }
    }

    private final DataSource dataSource;

    AccountRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Stored> find(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, username, display_name, password_hash, language, enabled, version,"
                        + " source FROM account WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID id = UUID.fromString(rs.getString(1));
                Account account = new Account(id, rs.getString(2), rs.getString(3), roles(c, id),
                        Language.fromTag(rs.getString(5)).orElse(Language.DEFAULT), rs.getBoolean(6), rs.getLong(7));
                return Optional.of(new Stored(account, rs.getString(4), rs.getString(8)));
            }
        } catch (SQLException e) {
            throw failure("read account " + username, e);
        }
    }

    List<Account> list() {
        Map<UUID, Set<String>> roles = new HashMap<>();
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT account_id, role_name FROM account_role");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new TreeSet<>()).add(rs.getString(2));
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, username, display_name, language, enabled, version FROM account ORDER BY username");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(UUID.fromString(rs.getString(1)), new Object[] {rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBoolean(5), rs.getLong(6)});
                }
            }
        } catch (SQLException e) {
            throw failure("list accounts", e);
        }
        List<Account> accounts = new ArrayList<>();
        rows.forEach((id, r) -> accounts.add(new Account(id, (String) r[0], (String) r[1], roles.getOrDefault(id, Set.of()),
                Language.fromTag((String) r[2]).orElse(Language.DEFAULT), (Boolean) r[3], (Long) r[4])));
        return accounts;
    }

    /** What a write records in its own transaction (its audit entry), so that both commit or neither does. */
    @FunctionalInterface
    interface Recorded {
        Recorded NONE = c -> { };

        void record(Connection c) throws SQLException;
    }

    /** Inserts the account and its roles in one transaction. */
    void insert(Account account, String passwordHash, Instant createdAt) {
        insert(account, passwordHash, createdAt, LOCAL);
    }

    void insert(Account account, String passwordHash, Instant createdAt, String source) {
        insert(account, passwordHash, createdAt, source, Recorded.NONE);
    }

    void insert(Account account, String passwordHash, Instant createdAt, String source, Recorded recorded) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO account (id, username, display_name, password_hash,"
                    + " language, enabled, created_at, version, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, account.id().toString());
                s.setString(2, account.username());
                s.setString(3, account.displayName());
                s.setString(4, passwordHash);
                s.setString(5, account.language().tag());
                s.setBoolean(6, account.enabled());
                s.setTimestamp(7, Timestamp.from(createdAt));
                s.setLong(8, account.version());
                s.setString(9, source);
                s.executeUpdate();
                writeRoles(c, account.id(), account.roles());
                recorded.record(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("create account " + account.username(), e);
        }
    }

    void updatePassword(UUID id, String passwordHash) {
        updatePassword(id, passwordHash, Recorded.NONE);
    }

    void updatePassword(UUID id, String passwordHash, Recorded recorded) {
        update("UPDATE account SET password_hash = ?, version = version + 1 WHERE id = ?", recorded, passwordHash, id.toString());
    }

    void updateDisplayName(UUID id, String displayName) {
        update("UPDATE account SET display_name = ?, version = version + 1 WHERE id = ?", Recorded.NONE, displayName, id.toString());
    }

    void updateLanguage(UUID id, Language language) {
        updateLanguage(id, language, Recorded.NONE);
    }

    void updateLanguage(UUID id, Language language, Recorded recorded) {
        update("UPDATE account SET language = ?, version = version + 1 WHERE id = ?", recorded, language.tag(), id.toString());
    }

    /** The stored address and choice; {@link MailSettings#NONE} for an unknown name. */
    MailSettings mailSettings(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT mail_address, notify_by_mail FROM account WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new MailSettings(rs.getString(1), rs.getBoolean(2)) : MailSettings.NONE;
            }
        } catch (SQLException e) {
            throw failure("read mail settings of " + username, e);
        }
    }

    void updateMailSettings(UUID id, MailSettings settings, Recorded recorded) {
        update("UPDATE account SET mail_address = ?, notify_by_mail = ?, version = version + 1 WHERE id = ?", recorded,
                settings.address(), settings.notifyByMail(), id.toString());
    }

    void replaceRoles(UUID id, Set<String> roles) {
        replaceRoles(id, roles, Recorded.NONE);
    }

    void replaceRoles(UUID id, Set<String> roles, Recorded recorded) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM account_role WHERE account_id = ?")) {
                s.setString(1, id.toString());
                s.executeUpdate();
                writeRoles(c, id, roles);
                try (PreparedStatement v = c.prepareStatement("UPDATE account SET version = version + 1 WHERE id = ?")) {
                    v.setString(1, id.toString());
                    v.executeUpdate();
                }
                recorded.record(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("set roles", e);
        }
    }

    java.util.SortedMap<String, Set<String>> roles() {
        java.util.SortedMap<String, Set<String>> roles = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM app_role"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.put(rs.getString(1), new TreeSet<>());
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT role_name, permission FROM role_permission");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw failure("list roles", e);
        }
        return roles;
    }

    /** Creates the role if needed and replaces its permissions, in one transaction. */
    void saveRole(String name, Set<String> permissions) {
        saveRole(name, permissions, Recorded.NONE);
    }

    void saveRole(String name, Set<String> permissions, Recorded recorded) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // checked on the transaction's own connection (portable SQL), not on a second one
                boolean exists;
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM app_role WHERE name = ?")) {
                    s.setString(1, name);
                    try (ResultSet rs = s.executeQuery()) {
                        exists = rs.next() && rs.getInt(1) > 0;
                    }
                }
                if (!exists) {
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO app_role (name, builtin) VALUES (?, FALSE)")) {
                        s.setString(1, name);
                        s.executeUpdate();
                    }
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM role_permission WHERE role_name = ?")) {
                    s.setString(1, name);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO role_permission (role_name, permission) VALUES (?, ?)")) {
                    for (String permission : permissions) {
                        s.setString(1, name);
                        s.setString(2, permission);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                recorded.record(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("save role " + name, e);
        }
    }

    Set<String> existingRoles() {
        return strings("SELECT name FROM app_role");
    }

    Set<String> permissions(String username) {
        return strings("SELECT DISTINCT p.permission FROM role_permission p JOIN account_role r ON r.role_name = p.role_name"
                + " JOIN account a ON a.id = r.account_id WHERE a.username = ? AND a.enabled = TRUE", username);
    }

    private static Set<String> roles(Connection c, UUID id) throws SQLException {
        Set<String> roles = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT role_name FROM account_role WHERE account_id = ?")) {
            s.setString(1, id.toString());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        return roles;
    }

    private static void writeRoles(Connection c, UUID id, Set<String> roles) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO account_role (account_id, role_name) VALUES (?, ?)")) {
            for (String role : roles) {
                s.setString(1, id.toString());
                s.setString(2, role);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private Set<String> strings(String sql, String... parameters) {
        Set<String> values = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
        return values;
    }

    private void update(String sql, Recorded recorded, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] == null) {
                        s.setNull(i + 1, s.getParameterMetaData().getParameterType(i + 1));
                    } else {
                        s.setObject(i + 1, parameters[i]);
                    }
                }
                s.executeUpdate();
                recorded.record(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("database: could not " + what + " (" + e.getSQLState() + ")", e);
    }
}
