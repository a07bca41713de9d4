package org.diwan.library.internal.holdings;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.diwan.api.calendar.WorkingCalendars;
import org.diwan.api.i18n.Language;
import org.diwan.api.notification.Notification;
import org.diwan.api.notification.Notifications;
import org.diwan.api.persistence.Transactions;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overdue notices: at {@code noticesAt} every {@code noticesEveryDays} days (and when the desk asks, "send overdue
 * notices now"), each borrower of an overdue loan is notified, in their language and by e-mail when they have an
 * address, of the highest overdue step the loan reached. The step is written with the notification in one
 * transaction, and the pair (loan, step) is the notice table's key: a step is never notified twice, by two runs at once
 * or after a restart.
 */
@Component(service = OverdueNotices.class, configurationPid = Circulation.PID)
public final class OverdueNotices {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueNotices.class);
    /** Loans looked at in one run: the rest wait for the next, oldest due first. */
    static final int BATCH = 5_000;

    private final HoldingsStore store;
    private final Catalogue catalogue;
    private final OverdueSteps steps;
    private final WorkingCalendars calendars;
    private final Notifications notifications;
    private final Accounts accounts;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final LocalTime at;
    private final int everyDays;

    @Activate
    public OverdueNotices(@Reference(target = "(diwan.schema=library)") DataSource library, @Reference Catalogue catalogue,
            @Reference WorkingCalendars calendars, @Reference Notifications notifications, @Reference Accounts accounts, CirculationConfig config) {
        this(new HoldingsStore(library), catalogue, OverdueSteps.parse(config.overdueSteps()), calendars, notifications, accounts,
                Clock.systemUTC(), time(config.noticesAt()), Math.max(1, config.noticesEveryDays()), true);
    }

    /** Without a timer: runs only when asked ({@link #sendNow}). */
    public OverdueNotices(HoldingsStore store, Catalogue catalogue, OverdueSteps steps, WorkingCalendars calendars, Notifications notifications,
            Accounts accounts, Clock clock) {
        this(store, catalogue, steps, calendars, notifications, accounts, clock, LocalTime.of(8, 0), 1, false);
    }

    private OverdueNotices(HoldingsStore store, Catalogue catalogue, OverdueSteps steps, WorkingCalendars calendars, Notifications notifications,
            Accounts accounts, Clock clock, LocalTime at, int everyDays, boolean scheduled) {
        this.store = store;
        this.catalogue = catalogue;
        this.steps = steps;
        this.calendars = calendars;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
        this.at = at;
        this.everyDays = everyDays;
        this.timer = scheduled ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "diwan-library-overdue-notices");
            t.setDaemon(true);
            return t;
        }) : null;
        if (timer != null) {
            scheduleNext(1);
        }
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Notifies every overdue loan of the step it reached, unless already notified; returns how many were notified. */
    public int sendNow() throws SQLException {
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendars.nodeCalendar().zone());
        int sent = 0;
        for (Loan loan : store.openLoansDueBefore(today, BATCH)) {
            if (notify(loan, today)) {
                sent++;
            }
        }
        if (sent > 0) {
            LOG.info("Library: {} overdue notice(s) sent", sent);
        }
        return sent;
    }

    private boolean notify(Loan loan, LocalDate today) throws SQLException {
        Language language = accounts.find(loan.borrower()).map(Account::language).orElse(Language.DEFAULT);
        String title = catalogue.get(loan.recordId()).map(CatalogueRecord::title).map(t -> t.in(language)).orElse("");
        try {
            return Transactions.inTransaction(store.dataSource(), c -> {
                List<Integer> done = store.noticesSent(c, loan.id());
                OptionalInt step = steps.toSend(loan.dueOn(), today, done);
                if (step.isEmpty()) {
                    return false;
                }
                Item item = store.item(c, loan.itemId()).orElseThrow();
                store.noticeSent(c, loan.id(), step.getAsInt(), clock.instant());
                notifications.send(c, new Notification(loan.borrower(), "library.notice.overdue", List.of(title, item.barcode(),
                        loan.dueOn().toString(), Long.toString(OverdueSteps.late(loan.dueOn(), today)), Integer.toString(step.getAsInt())),
                        Circulation.MY_LOANS));
                return true;
            });
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // another run notified this step in between
            }
            throw e;
        }
    }

    /** Runs at the configured time in {@code days} days' time (1: the next such time), then reschedules itself. */
    private void scheduleNext(int days) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(calendars.nodeCalendar().zone()));
        ZonedDateTime next = now.with(at).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(days);
        } else if (days > 1) {
            next = next.plusDays(days - 1L);
        }
        long delay = Math.max(1, Duration.between(now, next).toMillis());
        timer.schedule(() -> {
            try {
                sendNow();
            } catch (SQLException | RuntimeException e) {
                LOG.error("Library: overdue notices failed, tried again at the next run: {}", e.toString());
            } finally {
                if (!timer.isShutdown()) {
                    scheduleNext(everyDays);
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (RuntimeException e) {
            LOG.warn("Library: noticesAt '{}' is not HH:mm; notices go at 08:00", text);
            return LocalTime.of(8, 0);
        }
    }
}
