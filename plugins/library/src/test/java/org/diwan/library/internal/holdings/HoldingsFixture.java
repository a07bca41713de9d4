package org.diwan.library.internal.holdings;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import org.diwan.api.calendar.HolidayRule;
import org.diwan.api.calendar.WorkingCalendar;
import org.diwan.api.i18n.Language;
import org.diwan.api.notification.InboxItem;
import org.diwan.api.notification.Notification;
import org.diwan.api.notification.Notifications;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.api.security.Actor;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.catalogue.CatalogueRecord;

/**
 * Circulation on the library's real Derby database and the real event outbox, with a clock the test moves, the
 * region's calendar (Friday and Saturday off) with one holiday, and notifications recorded as sent.
 */
public final class HoldingsFixture implements AutoCloseable {

    /** A Sunday: the first working day of the week. */
    static final LocalDate START = LocalDate.of(2026, 12, 6);
    /** Thursday 17 December 2026 off. */
    static final LocalDate HOLIDAY = LocalDate.of(2026, 12, 17);
    static final WorkingCalendar CALENDAR = new WorkingCalendar(WorkingCalendar.DEFAULT_WEEKEND, WorkingCalendar.DEFAULT_OPENS,
            WorkingCalendar.DEFAULT_CLOSES, ZoneOffset.UTC, List.of(HolidayRule.parse("gregorian:2026-12-17 Test holiday")));

    public final LibraryFixture library;
    public final MovableClock clock = new MovableClock(START.atTime(9, 0).toInstant(ZoneOffset.UTC));
    public final List<Notification> told = Collections.synchronizedList(new ArrayList<>());
    public final Settings settings = new Settings(10, 2, new Locations("stacks=المخازن|Stacks|Magasins", "archive=الأرشيف|Archive|Archives"),
            OverdueSteps.parse("1, 7"));
    public final HoldingsStore store;
    public final Items items;
    public final Circulation circulation;
    public final OverdueNotices overdue;

    public HoldingsFixture(Path folder) throws Exception {
        library = new LibraryFixture(folder);
        store = new HoldingsStore(library.dataSource);
        ReservationStore reservations = new ReservationStore(library.dataSource);
        Accounts accounts = new Users("hala", "omar", "rania");
        items = new Items(store, reservations, settings, library.audited, clock);
        circulation = new Circulation(store, reservations, library.catalogue, settings, () -> CALENDAR, new Told(), accounts,
                library.audited, library.events.service(), clock);
        overdue = new OverdueNotices(store, library.catalogue, settings.steps(), () -> CALENDAR, new Told(), accounts, clock);
    }

    public CatalogueRecord book(String title) throws Exception {
        return library.record(Map.of("type", "BOOK", "titleAr", title, "language", "ar", "access", "PUBLIC", "callNumber", "027.1 ج م"));
    }

    public Item copy(CatalogueRecord record, String barcode) throws Exception {
        Validation v = new Validation();
        return items.add(record, Map.of("barcode", barcode, "location", "stacks"), v, "cataloguer", "127.0.0.1")
                .orElseThrow(() -> new AssertionError(v.errors()));
    }

    @Override
    public void close() {
        library.close();
    }

    /** A clock the test moves forward by days. */
    public static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void days(int days) {
            now = now.plusSeconds(days * 86_400L);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Notifications recorded as sent (the transaction's connection is the real one). */
    final class Told implements Notifications {

        @Override
        public void send(Connection connection, Notification notification) {
            told.add(notification);
        }

        @Override
        public void send(Notification notification) {
            told.add(notification);
        }

        @Override
        public int sendToHolders(String permission, String messageKey, List<String> args, String link) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int sendToHolders(Connection connection, String permission, String messageKey, List<String> args, String link) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int unread(String recipient) {
            return 0;
        }

        @Override
        public List<InboxItem> inbox(String recipient, int offset, int limit) {
            return List.of();
        }

        @Override
        public Optional<InboxItem> find(String recipient, long id) {
            return Optional.empty();
        }

        @Override
        public void markRead(String recipient, long id) {
        }

        @Override
        public void markAllRead(String recipient) {
        }
    }

    /** Users of the node, all enabled, the first reading English, the others Arabic. */
    static final class Users implements Accounts {

        private final List<String> names;

        Users(String... names) {
            this.names = List.of(names);
        }

        @Override
        public Optional<Account> find(String username) {
            return names.contains(username) ? Optional.of(new Account(UUID.nameUUIDFromBytes(username.getBytes()), username, username,
                    Set.of(), username.equals(names.get(0)) ? Language.EN : Language.AR, true, 1)) : Optional.empty();
        }

        @Override
        public List<Account> list() {
            throw new UnsupportedOperationException();
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
        public Set<String> permissions(String username) {
            return Set.of();
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
