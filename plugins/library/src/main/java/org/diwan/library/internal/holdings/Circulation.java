package org.diwan.library.internal.holdings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.calendar.WorkingCalendar;
import org.diwan.api.calendar.WorkingCalendars;
import org.diwan.api.events.EventKind;
import org.diwan.api.events.RecordEvent;
import org.diwan.api.events.RecordEvents;
import org.diwan.api.i18n.Language;
import org.diwan.api.notification.Notification;
import org.diwan.api.notification.Notifications;
import org.diwan.api.persistence.Transactions;
import org.diwan.api.security.Account;
import org.diwan.api.security.Accounts;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.Catalogue;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The circulation desk's rules: loans to users of the node due on the working calendar, returns by barcode (the copy
 * goes to the hold shelf for the first reader waiting, who is told), renewals (none while someone else waits),
 * reservations. Each step is one transaction, conditional on what it read: of two desks lending the last copy at once,
 * one wins and the other is refused with nothing written. Loans and returns are record events ({@code loan}).
 */
@Component(service = Circulation.class, configurationPid = Circulation.PID)
public final class Circulation {

    public static final String PID = "org.diwan.library.circulation";
    /** Where a reader sees their loans and reservations. */
    public static final String MY_LOANS = "/diwan/library/loans";

    private final HoldingsStore store;
    private final ReservationStore reservations;
    private final Catalogue catalogue;
    private final Settings settings;
    private final WorkingCalendars calendars;
    private final Notifications notifications;
    private final Accounts accounts;
    private final AuditLog audit;
    private final RecordEvents events;
    private final Clock clock;

    @Activate
    public Circulation(@Reference(target = "(diwan.schema=library)") DataSource library, @Reference Catalogue catalogue,
            @Reference WorkingCalendars calendars, @Reference Notifications notifications, @Reference Accounts accounts,
            @Reference AuditLog audit, @Reference RecordEvents events, CirculationConfig config) {
        this(new HoldingsStore(library), new ReservationStore(library), catalogue, Settings.of(config), calendars, notifications, accounts,
                audit, events, Clock.systemUTC());
    }

    public Circulation(HoldingsStore store, ReservationStore reservations, Catalogue catalogue, Settings settings, WorkingCalendars calendars,
            Notifications notifications, Accounts accounts, AuditLog audit, RecordEvents events, Clock clock) {
        this.store = store;
        this.reservations = reservations;
        this.catalogue = catalogue;
        this.settings = settings;
        this.calendars = calendars;
        this.notifications = notifications;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendars.nodeCalendar().zone());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Lends the copy with this barcode to {@code borrower}, due after the loan period on the working calendar or on
     * {@code typedDue} (moved to the next working day when it is none). A copy on the hold shelf goes only to the
     * reader it waits for.
     */
    public Loan lend(String barcode, String borrower, LocalDate typedDue, String actor, String address) throws SQLException {
        Account account = accounts.find(borrower == null ? "" : borrower.strip()).filter(Account::enabled)
                .orElseThrow(() -> new CirculationRefused(422, "library.desk.unknown-borrower", borrower == null ? "" : borrower));
        WorkingCalendar calendar = calendars.nodeCalendar();
        LocalDate due = typedDue == null ? DueDates.due(calendar, today(), settings.loanDays()) : DueDates.typed(calendar, typedDue);
        Loan loan = Transactions.inTransaction(store.dataSource(), c -> {
            Item item = store.byBarcode(c, Items.barcode(barcode)).orElseThrow(() -> new CirculationRefused(404, "library.desk.unknown-barcode",
                    Items.barcode(barcode)));
            Optional<Reservation> held = Optional.empty();
            if (item.status() == ItemStatus.ON_HOLD) {
                held = reservations.holding(c, item.id());
                if (held.isPresent() && !held.get().username().equals(account.username())) {
                    throw new CirculationRefused(409, "library.desk.held-for-other", item.barcode(), held.get().username());
                }
            } else if (item.status() != ItemStatus.AVAILABLE) {
                throw new CirculationRefused(409, "library.desk.not-available", item.barcode());
            }
            if (!store.moveItem(c, item, ItemStatus.ON_LOAN, actor, clock.instant())) {
                throw lentMeanwhile(item);
            }
            Loan made = new Loan(UUID.randomUUID().toString(), item.id(), item.recordId(), account.username(), clock.instant(), actor, due, 0,
                    null, 1);
            try {
                store.insertLoan(c, made);
            } catch (SQLException e) {
                if (duplicate(e)) {
                    throw lentMeanwhile(item);
                }
                throw e;
            }
            // the reader's own reservation of the record is fulfilled by the loan, on the hold shelf or not
            for (Reservation r : reservations.queue(c, item.recordId())) {
                if (r.username().equals(account.username())) {
                    reservations.close(c, r, Reservation.Status.FULFILLED, clock.instant());
                }
            }
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.loan.create", made.id(), item.barcode() + " " + account.username(),
                    address));
            events.publish(c, RecordEvent.of(LibraryPlugin.ID, "loan", made.id(), 1, EventKind.CREATED, actor, clock.instant(),
                    fields(made, item)));
            return made;
        });
        return loan;
    }

    /** What a return did: the loan closed and, when a reader was waiting, whom the copy is held for. */
    public record Returned(Loan loan, Item item, String heldFor) {
    }

    /** Takes back the copy with this barcode: available again, or on the hold shelf for the first reader waiting. */
    public Returned giveBack(String barcode, String actor, String address) throws SQLException {
        return Transactions.inTransaction(store.dataSource(), c -> {
            Item item = store.byBarcode(c, Items.barcode(barcode)).orElseThrow(() -> new CirculationRefused(404, "library.desk.unknown-barcode",
                    Items.barcode(barcode)));
            Loan loan = store.openLoanOf(c, item.id()).orElseThrow(() -> new CirculationRefused(409, "library.desk.not-lent", item.barcode()));
            if (!store.closeLoan(c, loan, actor, clock.instant())) {
                throw new CirculationRefused(409, "library.desk.returned-meanwhile", item.barcode());
            }
            Optional<Reservation> next = reservations.queue(c, item.recordId()).stream()
                    .filter(r -> r.status() == Reservation.Status.WAITING).findFirst();
            ItemStatus to = next.isPresent() ? ItemStatus.ON_HOLD : ItemStatus.AVAILABLE;
            if (!store.moveItem(c, item, to, actor, clock.instant())) {
                throw new CirculationRefused(409, "library.desk.returned-meanwhile", item.barcode());
            }
            if (next.isPresent()) {
                reservations.hold(c, next.get(), item.id(), clock.instant());
                tell(c, next.get().username(), "library.notice.on-hold", item);
            }
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.loan.return", loan.id(), item.barcode(), address));
            events.publish(c, RecordEvent.stateChanged(LibraryPlugin.ID, "loan", loan.id(), loan.version() + 1L, "open", "returned", actor,
                    clock.instant(), fields(loan, item)));
            return new Returned(loan, item, next.map(Reservation::username).orElse(null));
        });
    }

    /**
     * Renews an open loan for the loan period from today. Refused when another reader waits for the record, or the
     * renewals allowed are used. {@code reader} is the borrower renewing their own loan, or null for the desk.
     */
    public Loan renew(String loanId, String reader, String actor, String address) throws SQLException {
        WorkingCalendar calendar = calendars.nodeCalendar();
        return Transactions.inTransaction(store.dataSource(), c -> {
            Loan loan = store.loan(c, loanId).filter(Loan::open).filter(l -> reader == null || l.borrower().equals(reader))
                    .orElseThrow(() -> new CirculationRefused(404, "library.loans.no-loan"));
            Item item = store.item(c, loan.itemId()).orElseThrow();
            boolean othersWait = reservations.queue(c, loan.recordId()).stream().anyMatch(r -> r.status() == Reservation.Status.WAITING && !r.username().equals(loan.borrower()));
            if (othersWait) {
                throw new CirculationRefused(409, "library.loans.renew-reserved", item.barcode());
            }
            if (loan.renewals() >= settings.maxRenewals()) {
                throw new CirculationRefused(422, "library.loans.renew-limit", item.barcode(), settings.maxRenewals());
            }
            LocalDate due = DueDates.due(calendar, today(), settings.loanDays());
            if (!store.renewLoan(c, loan, due)) {
                throw new CirculationRefused(409, "library.loans.changed-meanwhile", item.barcode());
            }
            Loan renewed = store.loan(c, loanId).orElseThrow();
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.loan.renew", loan.id(), item.barcode() + " " + due, address));
            events.publish(c, RecordEvent.of(LibraryPlugin.ID, "loan", loan.id(), renewed.version(), EventKind.CHANGED, actor, clock.instant(),
                    fields(renewed, item)));
            return renewed;
        });
    }

    /**
     * Puts {@code username} in the record's queue. Refused when a copy is on the shelf (take it), when the record has
     * no copy, and when the reader already has it or waits for it.
     */
    public Reservation reserve(String recordId, String username, String actor, String address) throws SQLException {
        return Transactions.inTransaction(store.dataSource(), c -> {
            List<Item> items = store.items(recordId);
            if (items.stream().noneMatch(i -> i.status().held())) {
                throw new CirculationRefused(422, "library.reserve.no-copies");
            }
            if (items.stream().anyMatch(i -> i.status() == ItemStatus.AVAILABLE)) {
                throw new CirculationRefused(422, "library.reserve.on-shelf");
            }
            if (store.openLoansOfRecord(c, recordId).stream().anyMatch(l -> l.borrower().equals(username))) {
                throw new CirculationRefused(422, "library.reserve.has-loan");
            }
            if (reservations.queue(c, recordId).stream().anyMatch(r -> r.username().equals(username))) {
                throw new CirculationRefused(422, "library.reserve.already");
            }
            Reservation made = new Reservation(UUID.randomUUID().toString(), recordId, username, Reservation.Status.WAITING, null,
                    clock.instant(), null, 1);
            reservations.insert(c, made);
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.reservation.create", made.id(), recordId, address));
            return made;
        });
    }

    /**
     * Cancels a reservation ({@code reader} its own, or null for the desk). A copy that was on the hold shelf for it
     * goes to the next reader waiting, or back on the shelf.
     */
    public void cancel(String reservationId, String reader, String actor, String address) throws SQLException {
        Transactions.inTransaction(store.dataSource(), c -> {
            Reservation r = reservations.get(c, reservationId).filter(x -> x.status().open())
                    .filter(x -> reader == null || x.username().equals(reader))
                    .orElseThrow(() -> new CirculationRefused(404, "library.loans.no-reservation"));
            if (!reservations.close(c, r, Reservation.Status.CANCELLED, clock.instant())) {
                throw new CirculationRefused(409, "library.loans.changed-meanwhile", "");
            }
            if (r.status() == Reservation.Status.ON_HOLD && r.itemId() != null) {
                Item item = store.item(c, r.itemId()).orElseThrow();
                Optional<Reservation> next = reservations.queue(c, r.recordId()).stream()
                        .filter(x -> x.status() == Reservation.Status.WAITING).findFirst();
                if (!store.moveItem(c, item, next.isPresent() ? ItemStatus.ON_HOLD : ItemStatus.AVAILABLE, actor, clock.instant())) {
                    throw new CirculationRefused(409, "library.loans.changed-meanwhile", item.barcode());
                }
                if (next.isPresent()) {
                    reservations.hold(c, next.get(), item.id(), clock.instant());
                    tell(c, next.get().username(), "library.notice.on-hold", item);
                }
            }
            audit.record(c, new AuditEntry(clock.instant(), actor, "library.reservation.cancel", r.id(), r.recordId(), address));
            return null;
        });
    }

    public List<Loan> loansOf(String username) throws SQLException {
        return store.openLoansOf(username);
    }

    public List<Loan> openLoansOfRecord(String recordId) throws SQLException {
        return store.openLoansOfRecord(recordId);
    }

    public List<Reservation> reservationsOf(String username) throws SQLException {
        return reservations.openOf(username);
    }

    /** Open loans, the longest overdue first: the desk's list. */
    public List<Loan> openLoans(int limit) throws SQLException {
        return store.openLoansDueBefore(LocalDate.of(9999, 1, 1), limit);
    }

    /** The open loan of a copy, if it is lent. */
    public Optional<Loan> openLoanOf(String itemId) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            return store.openLoanOf(c, itemId);
        }
    }

    public Optional<Item> item(String id) throws SQLException {
        return store.item(id);
    }

    /** The title a reader is told of, in their language. */
    String title(String recordId, Language language) throws SQLException {
        return catalogue.get(recordId).map(CatalogueRecord::title).map(t -> t.in(language)).orElse("");
    }

    private void tell(Connection c, String username, String key, Item item) throws SQLException {
        Language language = accounts.find(username).map(Account::language).orElse(Language.DEFAULT);
        notifications.send(c, new Notification(username, key, List.of(title(item.recordId(), language), item.barcode()), MY_LOANS));
    }

    /** What integrators read of a loan: the copy and the dates, never who borrowed it. */
    static Map<String, Object> fields(Loan loan, Item item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("itemId", item.id());
        fields.put("recordId", item.recordId());
        fields.put("barcode", item.barcode());
        fields.put("dueOn", loan.dueOn().toString());
        return fields;
    }

    private static CirculationRefused lentMeanwhile(Item item) {
        return new CirculationRefused(409, "library.desk.lent-meanwhile", item.barcode());
    }

    private static boolean duplicate(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
