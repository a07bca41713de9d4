package org.diwan.library.internal.alerts;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.diwan.api.notification.Notification;
import org.diwan.api.notification.Notifications;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueHits;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.SavedSearch;
import org.diwan.library.internal.catalogue.SavedSearches;
import org.diwan.library.internal.catalogue.Viewer;
import org.diwan.library.internal.web.CatalogueViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of saved-search alerts: every subscription whose last alert is at least {@code interval} old gets the
 * records new or changed since, as its reader may see them now (their permissions, not the ones they had when they
 * subscribed), through the notifications' inbox and mail path, in the reader's language. Nothing is sent when nothing
 * is new. Each subscription's window [last alert, now − {@link #SETTLE}) is claimed before its mail is sent, so a
 * change is never mailed twice, even by two nodes or a run cut short.
 */
public final class AlertRun {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRun.class);
    /** A change is alerted once it is this old: a record is indexed just after its commit, well within it. */
    static final Duration SETTLE = Duration.ofSeconds(10);
    /** Most records one alert names; the rest are behind its link. */
    static final int SHOWN = 10;
    /** Most records one alert counts. */
    static final int COUNTED = 200;
    static final String MESSAGE = "library.alert.mail";

    private final SavedSearches searches;
    private final Catalogue catalogue;
    private final Notifications notifications;
    private final Accounts accounts;
    private final Clock clock;

    public AlertRun(SavedSearches searches, Catalogue catalogue, Notifications notifications, Accounts accounts, Clock clock) {
        this.searches = searches;
        this.catalogue = catalogue;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** @return how many alerts were sent */
    public int run(Duration interval) throws SQLException {
        Instant now = clock.instant();
        Instant until = now.minus(SETTLE);
        int sent = 0;
        for (SavedSearch search : searches.dueForAlert(now.minus(interval))) {
            if (until.isAfter(search.alertedUntil()) && alert(search, until)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean alert(SavedSearch search, Instant until) throws SQLException {
        Optional<Account> account = accounts.find(search.username()).filter(Account::enabled);
        Set<String> held = account.isPresent() ? accounts.permissions(search.username()) : Set.of();
        // the window is taken even for a reader who may no longer read the catalogue: those changes were never theirs
        if (!searches.claim(search, until) || !HeldPermissions.implies(held, LibraryPlugin.CATALOGUE_READ)) {
            return false;
        }
        Viewer viewer = HeldPermissions.implies(held, LibraryPlugin.CATALOGUE_READ_RESTRICTED) ? Viewer.RESTRICTED : Viewer.STAFF;
        try {
            CatalogueHits hits = catalogue.search(CatalogueViews.query(search.query()).changesSince(search.alertedUntil(), COUNTED), viewer,
                    account.get().language());
            // re-read records: those changed after the window wait for the next alert, where they belong
            List<CatalogueRecord> fresh = hits.records().stream()
                    .filter(r -> !r.updatedAt().isBefore(search.alertedUntil()) && r.updatedAt().isBefore(until)).toList();
            if (fresh.isEmpty()) {
                return false;
            }
            String titles = String.join(" · ", fresh.stream().limit(SHOWN).map(r -> r.title().in(account.get().language())).toList())
                    + (fresh.size() > SHOWN ? " …" : "");
            String count = fresh.size() + (hits.total() > COUNTED ? "+" : "");
            notifications.send(new Notification(search.username(), MESSAGE, List.of(search.name(), count, titles),
                    "/diwan/library/searches/" + search.id()));
            return true;
        } catch (RuntimeException | SQLException e) {
            // given back: the next run alerts these changes
            searches.release(search, until);
            LOG.error("library: alert of saved search {} for {} not sent: {}", search.id(), search.username(), e.toString());
            return false;
        }
    }
}
