package org.diwan.library.internal.holdings;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.diwan.api.audit.AuditEntry;
import org.diwan.api.audit.AuditLog;
import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.persistence.Transactions;
import org.diwan.api.validation.Validation;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The copies of catalogue records, as cataloguers add, edit and withdraw them: a barcode unique in the library, a call
 * number (the record's unless the copy has its own), a listed location, a status and a note. A copy in circulation
 * (lent, on the hold shelf) keeps its status until the desk moves it.
 */
@Component(service = Items.class, configurationPid = Circulation.PID)
@Designate(ocd = CirculationConfig.class)
public final class Items {

    /** Letters, digits and dashes, 4 to 32: what barcode labels and scanners print and read; kept upper-case. */
    static final String BARCODE = "[A-Z0-9][A-Z0-9-]{3,31}";
    public static final List<String> FIELDS = List.of("barcode", "callNumber", "location", "status", "note");
    /** What a cataloguer may set; lent and held are the desk's. */
    public static final Set<String> EDITABLE = Arrays.stream(ItemStatus.values()).filter(s -> !s.inCirculation()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final HoldingsStore store;
    private final ReservationStore reservations;
    private final Settings settings;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public Items(@Reference(target = "(diwan.schema=library)") DataSource library, @Reference AuditLog audit, CirculationConfig config) {
        this(new HoldingsStore(library), new ReservationStore(library), Settings.of(config), audit, Clock.systemUTC());
    }

    public Items(HoldingsStore store, ReservationStore reservations, Settings settings, AuditLog audit, Clock clock) {
        this.store = store;
        this.reservations = reservations;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public Locations locations() {
        return settings.locations();
    }

    public List<Item> of(String recordId) throws SQLException {
        return store.items(recordId);
    }

    public Optional<Item> get(String id) throws SQLException {
        return store.item(id);
    }

    /** Normalises a typed or scanned barcode: trimmed, upper-case. */
    public static String barcode(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }

    /** Adds a copy to the record; empty (reasons in {@code v}) when refused. */
    public Optional<Item> add(CatalogueRecord record, Map<String, String> form, Validation v, String actor, String address) throws SQLException {
        Item draft = read(record, null, form, v);
        if (draft == null) {
            return Optional.empty();
        }
        try {
            Transactions.inTransaction(store.dataSource(), c -> {
                store.insertItem(c, draft, actor, clock.instant());
                audit.record(c, new AuditEntry(clock.instant(), actor, "library.item.create", draft.id(), draft.barcode(), address));
                return null;
            });
        } catch (SQLException e) {
            return taken(e, v);
        }
        return store.item(draft.id());
    }

    /** Saves an edit made from {@code version}; a desk's loan or return since makes it stale. */
    public Optional<Item> edit(CatalogueRecord record, Item item, int version, Map<String, String> form, Validation v, String actor,
            String address) throws SQLException, StaleEditException {
        Item draft = read(record, item, form, v);
        if (draft == null) {
            return Optional.empty();
        }
        boolean saved;
        try {
            saved = Transactions.inTransaction(store.dataSource(), c -> {
                boolean done = store.updateItem(c, draft, version, actor, clock.instant());
                if (done) {
                    audit.record(c, new AuditEntry(clock.instant(), actor, "library.item.update", item.id(),
                            draft.barcode() + " " + draft.status(), address));
                }
                return done;
            });
        } catch (SQLException e) {
            return taken(e, v);
        }
        Item now = store.item(item.id()).orElseThrow();
        if (!saved) {
            throw new StaleEditException(item.id(), now.version(), now);
        }
        return Optional.of(now);
    }

    /** Available copies of those held, the next due date of the lent ones, and how many readers wait. */
    public Availability availability(String recordId) throws SQLException {
        List<Item> items = store.items(recordId);
        int held = (int) items.stream().filter(i -> i.status().held()).count();
        int available = (int) items.stream().filter(i -> i.status() == ItemStatus.AVAILABLE).count();
        java.time.LocalDate next = store.openLoansOfRecord(recordId).stream().map(Loan::dueOn).min(java.util.Comparator.naturalOrder())
                .orElse(null);
        int waiting = (int) reservations.queue(recordId).stream().filter(r -> r.status() == Reservation.Status.WAITING).count();
        return new Availability(available, held, next, waiting);
    }

    private Item read(CatalogueRecord record, Item current, Map<String, String> form, Validation v) {
        String barcode = barcode(form.get("barcode"));
        if (barcode.isEmpty()) {
            v.reject("barcode", "validation.required");
        } else if (!barcode.matches(BARCODE)) {
            v.reject("barcode", "library.item.barcode-invalid");
        }
        String callNumber = v.line("callNumber", form.get("callNumber"), 100);
        String location = v.choice("location", form.get("location"), settings.locations().codes(), true);
        String note = v.paragraph("note", form.get("note"), 1000);
        ItemStatus status;
        String typed = form.getOrDefault("status", "");
        if (current != null && current.status().inCirculation()) {
            // lent or on the hold shelf: the desk moves it; an edit keeps the status whatever the form says
            if (!typed.isEmpty() && !typed.equals(current.status().name())) {
                v.reject("status", "library.item.in-circulation");
            }
            status = current.status();
        } else {
            // a form without a status keeps the copy's (a new one is available)
            String kept = current == null ? ItemStatus.AVAILABLE.name() : current.status().name();
            String chosen = v.choice("status", typed.isEmpty() ? kept : typed, EDITABLE, true);
            status = chosen == null ? ItemStatus.AVAILABLE : ItemStatus.valueOf(chosen);
        }
        if (!v.isValid()) {
            return null;
        }
        String call = callNumber == null || callNumber.isBlank() ? record.callNumber() : callNumber;
        return new Item(current == null ? UUID.randomUUID().toString() : current.id(), record.id(), barcode, call, location, status,
                note == null || note.isBlank() ? null : note, current == null ? 1 : current.version(), clock.instant(), null);
    }

    /** A barcode another copy took (between the form's check and the save, or before): refused on its field. */
    private static Optional<Item> taken(SQLException e, Validation v) throws SQLException {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23505".equals(next.getSQLState())) {
                v.reject("barcode", "library.item.barcode-taken");
                return Optional.empty();
            }
        }
        throw e;
    }
}
