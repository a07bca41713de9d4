package org.diwan.library.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.diwan.api.i18n.Language;
import org.diwan.api.notification.Notification;
import org.diwan.api.notification.Notifications;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.catalogue.SavedSearch;
import org.diwan.library.internal.catalogue.SavedSearches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved-search alerts on a real Derby and search index, with a clock the test moves and the mails recorded. */
class AlertRunTest {

    private static final Duration DAILY = Duration.ofDays(1);

    @TempDir
    Path folder;
    private LibraryFixture library;
    private final MovingClock clock = new MovingClock(Instant.now());
    private Catalogue catalogue;
    private SavedSearches searches;
    private final List<Notification> sent = new ArrayList<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Set<String>> permissions = new HashMap<>();
    private AlertRun run;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        catalogue = new Catalogue(new CatalogueStore(library.dataSource, clock), library.authorityStore, library.search, library.audited,
                library.events.service(), clock);
        searches = new SavedSearches(library.dataSource, clock);
        user("ann", Language.EN, true, "library:catalogue:read");
        user("laila", Language.AR, true, "library:*");
        user("jean", Language.FR, true, "missions:registry:read");
        user("gone", Language.EN, false, "library:catalogue:read");
        run = new AlertRun(searches, catalogue, notifications(), accounts(), clock);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private void user(String name, Language language, boolean enabled, String... held) {
        accounts.put(name, new Account(UUID.randomUUID(), name, name, Set.of(), language, enabled, 1));
        permissions.put(name, Set.of(held));
    }

    private Notifications notifications() {
        return (Notifications) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Notifications.class}, (proxy, method, args) -> {
            if (method.getName().equals("send") && args.length == 1) {
                sent.add((Notification) args[0]);
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private Accounts accounts() {
        return (Accounts) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Accounts.class}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "find":
                    return Optional.ofNullable(accounts.get((String) args[0]));
                case "permissions":
                    return permissions.getOrDefault((String) args[0], Set.of());
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    private SavedSearch subscribed(String user, String words) throws Exception {
        SavedSearch search = searches.save(user, "water " + user, "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertThat(searches.alerts(user, search.id(), true)).isTrue();
        return search;
    }

    private CatalogueRecord record(String ar, String en, String access) throws Exception {
        Validation v = new Validation();
        CatalogueRecord r = catalogue.create(Map.of("type", "BOOK", "titleAr", ar, "titleEn", en, "language", "ar", "access", access), v,
                LibraryFixture.ACTOR, LibraryFixture.ADDRESS).orElse(null);
        assertThat(r).as(v.errors().toString()).isNotNull();
        return r;
    }

    private void later(Duration by) {
        clock.now = clock.now.plus(by);
    }

    @Test
    void aReaderIsMailedWhatIsNewOnceInTheirLanguageAndNothingWhenNothingIsNew() throws Exception {
        SavedSearch search = subscribed("ann", "المياه");
        later(Duration.ofMinutes(1));
        record("تقرير عن المياه", "Report on water", "PUBLIC");
        record("سياسة المياه", "Water policy", "STAFF");
        record("مذكرة سرية عن المياه", "Secret note on water", "RESTRICTED");
        record("تقرير عن الطاقة", "Report on energy", "PUBLIC");

        later(Duration.ofHours(2));
        assertThat(run.run(DAILY)).as("not due before a day").isZero();
        later(DAILY);
        assertThat(run.run(DAILY)).isEqualTo(1);

        assertThat(sent).hasSize(1);
        Notification mail = sent.get(0);
        assertThat(mail.recipient()).isEqualTo("ann");
        assertThat(mail.messageKey()).isEqualTo("library.alert.mail");
        assertThat(mail.args().get(0)).isEqualTo("water ann");
        assertThat(mail.args().get(1)).isEqualTo("2");
        assertThat(mail.args().get(2)).contains("Report on water").contains("Water policy").doesNotContain("Secret").doesNotContain("energy");
        assertThat(mail.link()).isEqualTo("/diwan/library/searches/" + search.id());

        // again at once, and a day later with nothing new: nothing
        assertThat(run.run(DAILY)).isZero();
        later(DAILY);
        assertThat(run.run(DAILY)).isZero();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aRecordChangedAgainIsMailedAgainButTheSameChangeNever() throws Exception {
        subscribed("ann", "المياه");
        later(Duration.ofMinutes(1));
        CatalogueRecord report = record("تقرير عن المياه", "Report on water", "PUBLIC");
        later(DAILY);
        run.run(DAILY);
        later(Duration.ofHours(1));
        catalogue.update(report.id(), report.version(), Map.of("type", "BOOK", "titleAr", "تقرير عن المياه", "titleEn", "Report on water, revised",
                "language", "ar", "access", "PUBLIC"), new Validation(), LibraryFixture.ACTOR, LibraryFixture.ADDRESS).orElseThrow();
        later(DAILY);
        // a second run on another node at the same moment finds the window taken
        AlertRun other = new AlertRun(searches, catalogue, notifications(), accounts(), clock);
        assertThat(run.run(DAILY) + other.run(DAILY)).isEqualTo(1);

        assertThat(sent).extracting(n -> n.args().get(2)).containsExactly("Report on water", "Report on water, revised");
    }

    @Test
    void aReaderWhoMaySeeRestrictedRecordsIsToldOfThemInArabic() throws Exception {
        subscribed("laila", "المياه");
        later(Duration.ofMinutes(1));
        record("مذكرة سرية عن المياه", "Secret note on water", "RESTRICTED");
        later(DAILY);
        assertThat(run.run(DAILY)).isEqualTo(1);
        assertThat(sent.get(0).args().get(2)).isEqualTo("مذكرة سرية عن المياه");
    }

    @Test
    void readersWhoMayNoLongerReadTheCatalogueOrAreDisabledAreToldNothingAndLaterNothingOld() throws Exception {
        subscribed("jean", "المياه");
        subscribed("gone", "المياه");
        later(Duration.ofMinutes(1));
        record("تقرير عن المياه", "Report on water", "PUBLIC");
        later(DAILY);
        assertThat(run.run(DAILY)).isZero();
        assertThat(sent).isEmpty();

        // given the permission back, jean hears only of what changes from then on
        permissions.put("jean", Set.of("library:catalogue:read"));
        later(Duration.ofMinutes(1));
        record("سياسة المياه", "Water policy", "PUBLIC");
        later(DAILY);
        assertThat(run.run(DAILY)).isEqualTo(1);
        assertThat(sent).extracting(Notification::recipient).containsExactly("jean");
        // no French title: the Arabic one
        assertThat(sent.get(0).args().get(2)).isEqualTo("سياسة المياه");
    }

    @Test
    void changesBeforeTheAlertsWereAskedForAreNotMailedAndStoppedAlertsSendNothing() throws Exception {
        record("تقرير عن المياه", "Report on water", "PUBLIC");
        later(Duration.ofMinutes(1));
        SavedSearch search = subscribed("ann", "المياه");
        later(DAILY);
        assertThat(run.run(DAILY)).isZero();

        record("سياسة المياه", "Water policy", "PUBLIC");
        assertThat(searches.alerts("ann", search.id(), false)).isTrue();
        later(DAILY);
        assertThat(run.run(DAILY)).isZero();
        // another reader cannot start or stop ann's alerts
        assertThat(searches.alerts("laila", search.id(), true)).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void heldPermissionsImplyAsShiroWildcardsDo() {
        assertThat(HeldPermissions.implies(Set.of("*"), "library:catalogue:read")).isTrue();
        assertThat(HeldPermissions.implies(Set.of("library:*"), "library:catalogue:restricted")).isTrue();
        assertThat(HeldPermissions.implies(Set.of("library"), "library:catalogue:read")).isTrue();
        assertThat(HeldPermissions.implies(Set.of("library:catalogue:read,write"), "library:catalogue:write")).isTrue();
        assertThat(HeldPermissions.implies(Set.of("library:catalogue:read,write"), "library:catalogue:restricted")).isFalse();
        assertThat(HeldPermissions.implies(Set.of("missions:*", "library:authority:write"), "library:catalogue:read")).isFalse();
        assertThat(HeldPermissions.implies(Set.of(), "library:catalogue:read")).isFalse();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant start) {
            now = start;
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
}
