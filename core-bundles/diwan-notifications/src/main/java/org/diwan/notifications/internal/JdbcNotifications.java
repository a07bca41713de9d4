package org.diwan.notifications.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.diwan.api.notification.InboxItem;
import org.diwan.api.notification.Notification;
import org.diwan.api.notification.Notifications;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The inboxes in the {@code notifications} schema of the node's database. */
@Component(service = Notifications.class)
public final class JdbcNotifications implements Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcNotifications.class);
    private static final int MAX_PAGE = 200;
    private static final int MAX_ARGS = 4000;

    private final DataSource dataSource;
    private final Accounts accounts;
    private final Clock clock;

    @Activate
    public JdbcNotifications(@Reference(target = "(diwan.schema=notifications)") DataSource dataSource, @Reference Accounts accounts) {
        this(dataSource, accounts, Clock.systemUTC());
    }

    JdbcNotifications(DataSource dataSource, Accounts accounts, Clock clock) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The schema-qualified table: the caller's connection belongs to its own schema in the node's one database. */
    @Override
    public void send(Connection connection, Notification notification) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO notifications.notification (recipient, message_key, args, link, sent_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, notification.recipient());
            s.setString(2, notification.messageKey());
            s.setString(3, encode(notification.args()));
            s.setString(4, notification.link());
            s.setTimestamp(5, Timestamp.from(clock.instant()));
            s.executeUpdate();
        }
    }

    @Override
    public void send(Notification notification) {
        try (Connection c = dataSource.getConnection()) {
            send(c, notification);
        } catch (SQLException e) {
            throw new IllegalStateException("notification not stored: " + notification.messageKey(), e);
        }
    }

    @Override
    public int sendToHolders(String permission, String messageKey, List<String> args, String link) {
        try (Connection c = dataSource.getConnection()) {
            return sendToHolders(c, permission, messageKey, args, link);
        } catch (SQLException e) {
            throw new IllegalStateException("notification not stored: " + messageKey, e);
        }
    }

    @Override
    public int sendToHolders(Connection connection, String permission, String messageKey, List<String> args, String link) throws SQLException {
        int told = 0;
        for (Account account : accounts.list()) {
            if (!account.enabled()) {
                continue;
            }
            Set<String> held = accounts.permissions(account.username());
            if (held.contains("*") || held.contains(permission)) {
                send(connection, new Notification(account.username(), messageKey, args, link));
                told++;
            }
        }
        LOG.info("notification {} sent to the {} holder(s) of {}", messageKey, told, permission);
        return told;
    }

    @Override
    public int unread(String recipient) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM notification WHERE recipient = ? AND read_at IS NULL")) {
            s.setString(1, recipient);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox not readable", e);
        }
    }

    @Override
    public List<InboxItem> inbox(String recipient, int offset, int limit) {
        List<InboxItem> items = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, message_key, args, link, sent_at, read_at FROM notification WHERE recipient = ? ORDER BY id DESC"
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            s.setString(1, recipient);
            s.setInt(2, Math.max(0, offset));
            s.setInt(3, Math.max(1, Math.min(limit, MAX_PAGE)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Notification n = new Notification(recipient, rs.getString(2), decode(rs.getString(3)), rs.getString(4));
                    items.add(new InboxItem(rs.getLong(1), n, rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) != null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox not readable", e);
        }
        return items;
    }

    @Override
    public java.util.Optional<InboxItem> find(String recipient, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, message_key, args, link, sent_at, read_at FROM notification WHERE recipient = ? AND id = ?")) {
            s.setString(1, recipient);
            s.setLong(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                Notification n = new Notification(recipient, rs.getString(2), decode(rs.getString(3)), rs.getString(4));
                return java.util.Optional.of(new InboxItem(rs.getLong(1), n, rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) != null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inbox not readable", e);
        }
    }

    @Override
    public void markRead(String recipient, long id) {
        update("UPDATE notification SET read_at = ? WHERE recipient = ? AND id = ? AND read_at IS NULL", recipient, id);
    }

    @Override
    public void markAllRead(String recipient) {
        update("UPDATE notification SET read_at = ? WHERE recipient = ? AND read_at IS NULL", recipient, null);
    }

    private void update(String sql, String recipient, Long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, recipient);
            if (id != null) {
                s.setLong(3, id);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("inbox not updated", e);
        }
    }

    /** Each argument URL-encoded, joined by {@code &}: any text survives, and a long one is cut, never refused. */
    static String encode(List<String> args) {
        String encoded = args.stream().map(a -> URLEncoder.encode(a == null ? "" : a, StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        while (encoded.length() > MAX_ARGS) {
            encoded = encoded.substring(0, encoded.lastIndexOf('&') < 0 ? MAX_ARGS : encoded.lastIndexOf('&'));
        }
        return encoded;
    }

    static List<String> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split("&", -1)).map(a -> URLDecoder.decode(a, StandardCharsets.UTF_8)).toList();
    }
}
