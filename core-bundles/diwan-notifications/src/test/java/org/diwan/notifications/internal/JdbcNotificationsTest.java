package org.diwan.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.i18n.Language;
import org.diwan.api.notification.InboxItem;
import org.diwan.api.notification.Notification;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.persistence.internal.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcNotificationsTest {

    @TempDir
    Path folder;

    private TestDatabase database;
    private DataSource data;
    private JdbcNotifications notifications;

    @BeforeEach
    void open() throws Exception {
        database = TestDatabase.create(folder);
        data = database.migrate("notifications");
        notifications = new JdbcNotifications(data, new ThreeUsers(), java.time.Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anInboxHoldsItsOwnersNotificationsNewestFirstWithTheirArguments() {
        notifications.send(new Notification("laila", "missions.followup.due", List.of("PAR/2026/7", "٣ أيام", "a&b=c%"), "/diwan/missions/x"));
        notifications.send(new Notification("laila", "sync.alarm", List.of(), null));
        notifications.send(new Notification("omar", "sync.alarm", List.of(), null));

        List<InboxItem> inbox = notifications.inbox("laila", 0, 10);
        assertThat(inbox).extracting(i -> i.notification().messageKey()).containsExactly("sync.alarm", "missions.followup.due");
        assertThat(inbox.get(1).notification().args()).containsExactly("PAR/2026/7", "٣ أيام", "a&b=c%");
        assertThat(notifications.unread("laila")).isEqualTo(2);
    }

    @Test
    void readingMarksOnlyTheReadersOwn() {
        notifications.send(new Notification("laila", "k", List.of(), null));
        notifications.send(new Notification("omar", "k", List.of(), null));
        long omars = notifications.inbox("omar", 0, 1).get(0).id();

        notifications.markRead("laila", omars);
        assertThat(notifications.unread("omar")).isEqualTo(1);
        assertThat(notifications.find("laila", omars)).isEmpty();
        assertThat(notifications.find("omar", omars)).isPresent();
        notifications.markRead("omar", omars);
        assertThat(notifications.unread("omar")).isZero();
        notifications.markAllRead("laila");
        assertThat(notifications.inbox("laila", 0, 5)).allMatch(InboxItem::read);
    }

    @Test
    void aNotificationSentWithAChangeIsRolledBackWithIt() throws Exception {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            notifications.send(c, new Notification("laila", "k", List.of(), null));
            c.rollback();
        }
        assertThat(notifications.unread("laila")).isZero();
    }

    @Test
    void holdersOfAPermissionAndAdministratorsAreToldDisabledUsersAreNot() {
        assertThat(notifications.sendToHolders("missions:registry:write", "k", List.of("x"), "/admin/sync")).isEqualTo(2);
        assertThat(notifications.unread("admin")).isEqualTo(1);
        assertThat(notifications.unread("laila")).isEqualTo(1);
        assertThat(notifications.unread("omar")).isZero();
        assertThat(notifications.unread("gone")).isZero();
    }

    @Test
    void holdersToldInTheCallersTransactionAreToldWithItOrNotAtAll() throws Exception {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            assertThat(notifications.sendToHolders(c, "missions:registry:write", "k", List.of(), null)).isEqualTo(2);
            c.rollback();
            assertThat(notifications.unread("laila")).isZero();
            notifications.sendToHolders(c, "missions:registry:write", "k", List.of(), null);
            c.commit();
        }
        assertThat(notifications.unread("laila")).isEqualTo(1);
        assertThat(notifications.unread("admin")).isEqualTo(1);
    }

    @Test
    void aNotificationNeverLinksOffTheNode() {
        assertThatThrownBy(() -> new Notification("laila", "k", List.of(), "https://evil.example/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notification("laila", "k", List.of(), "//evil.example/")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Four accounts: an administrator, a writer, a reader and a disabled writer. */
    private static final class ThreeUsers implements Accounts {

        private final Map<String, Account> accounts = Map.of(
                "admin", account("admin", true), "laila", account("laila", true), "omar", account("omar", true), "gone", account("gone", false));
        private final Map<String, Set<String>> permissions = Map.of("admin", Set.of("*"), "laila", Set.of("missions:registry:write"),
                "omar", Set.of("missions:registry:read"), "gone", Set.of("missions:registry:write"));

        private static Account account(String name, boolean enabled) {
            return new Account(UUID.randomUUID(), name, name, Set.of(), Language.AR, enabled, 1);
        }

        @Override
        public Optional<Account> find(String username) {
            return Optional.ofNullable(accounts.get(username));
        }

        @Override
        public List<Account> list() {
            return List.copyOf(accounts.values());
        }

        @Override
        public Set<String> permissions(String username) {
            return permissions.getOrDefault(username, Set.of());
        }

        @Override
        public Account create(String username, String displayName, char[] password, Set<String> roles, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changePassword(String username, char[] newPassword, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setRoles(String username, Set<String> roles, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setLanguage(String username, Language language, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<String, Set<String>> roles() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void saveRole(String name, Set<String> permissions, Actor actor) {
            throw new UnsupportedOperationException();
        }
    }
}
