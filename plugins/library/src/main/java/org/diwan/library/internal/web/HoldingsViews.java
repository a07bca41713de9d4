package org.diwan.library.internal.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.persistence.StaleEditException;
import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.holdings.Availability;
import org.diwan.library.internal.holdings.Circulation;
import org.diwan.library.internal.holdings.CirculationRefused;
import org.diwan.library.internal.holdings.Item;
import org.diwan.library.internal.holdings.ItemStatus;
import org.diwan.library.internal.holdings.Items;
import org.diwan.library.internal.holdings.Loan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A record's copies on its pages: on the public page only how many are available and when the next is due back (never
 * who borrowed); on the staff page the copies, each with its editor for cataloguers, the borrower for the desk, and
 * "reserve" when no copy is on the shelf. The record's actions {@code items} (a new copy), {@code items/{item}} (a
 * copy edited or withdrawn) and {@code reserve} are carried out here.
 */
@Component(service = HoldingsViews.class)
public final class HoldingsViews {

    static final String ITEMS = "items";
    static final String RESERVE = "reserve";
    static final String ANCHOR = "holdings";

    private final Items items;
    private final Circulation circulation;

    @Activate
    public HoldingsViews(@Reference Items items, @Reference Circulation circulation) {
        this.items = items;
        this.circulation = circulation;
    }

    /** The availability line every record page shows, public or staff. */
    Map<String, Object> availability(CatalogueRecord record, PageRequest page) throws SQLException {
        Availability a = items.availability(record.id());
        Map<String, Object> model = new HashMap<>();
        model.put("hasCopies", a.hasCopies());
        model.put("available", page.number(a.available()));
        model.put("held", page.number(a.held()));
        model.put("none", a.available() == 0);
        model.put("nextDue", a.nextDue() == null ? null : page.date(a.nextDue()));
        model.put("waiting", a.waiting());
        model.put("waitingText", page.number(a.waiting()));
        return model;
    }

    /** The staff page's section: every copy, its editor's choices, and whether the visitor may reserve. */
    Map<String, Object> staff(CatalogueRecord record, PageRequest page) throws SQLException {
        Map<String, Object> model = availability(record, page);
        boolean desk = page.permitted(LibraryPlugin.CIRCULATION);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Loan> loans = new HashMap<>();
        for (Loan loan : circulation.openLoansOfRecord(record.id())) {
            loans.put(loan.itemId(), loan);
        }
        boolean onShelf = false;
        for (Item item : items.of(record.id())) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", item.id());
            row.put("barcode", item.barcode());
            row.put("callNumber", item.callNumber() == null ? "" : item.callNumber());
            row.put("location", item.location());
            row.put("locationLabel", items.locations().label(item.location(), page.language()));
            row.put("status", item.status().name());
            row.put("editable", !item.status().inCirculation());
            row.put("note", item.note() == null ? "" : item.note());
            row.put("version", item.version());
            Loan loan = loans.get(item.id());
            row.put("due", loan == null ? null : page.date(loan.dueOn()));
            row.put("overdue", loan != null && loan.overdueOn(circulation.today()));
            row.put("borrower", loan != null && desk ? loan.borrower() : null);
            rows.add(row);
            onShelf |= item.status() == ItemStatus.AVAILABLE;
        }
        model.put("items", rows);
        model.put("desk", desk);
        model.put("canReserve", !rows.isEmpty() && !onShelf);
        List<Map<String, String>> locations = new ArrayList<>();
        for (String code : items.locations().codes()) {
            locations.add(Map.of("code", code, "label", items.locations().label(code, page.language())));
        }
        model.put("locations", locations);
        model.put("statuses", Items.EDITABLE.stream().sorted((a, b) -> ItemStatus.valueOf(a).compareTo(ItemStatus.valueOf(b))).toList());
        return model;
    }

    /** A copy added or edited by a cataloguer, or the record reserved by the visitor. */
    ActionOutcome act(String action, CatalogueRecord record, ActionInput input, PageRequest request) throws SQLException {
        if (action.equals(RESERVE)) {
            try {
                circulation.reserve(record.id(), request.actor(), request.actor(), request.address());
                return new ActionOutcome.DoneAt(record.id(), ANCHOR);
            } catch (CirculationRefused no) {
                return new ActionOutcome.Refused(no.status(), no.messageKey(), no.args(), Map.of());
            }
        }
        Validation v = new Validation();
        if (input.item().isEmpty()) {
            return items.add(record, input.form(), v, request.actor(), request.address()).isPresent()
                    ? new ActionOutcome.DoneAt(record.id(), ANCHOR) : ActionOutcome.invalid(v);
        }
        Optional<Item> item = items.get(input.item().get()).filter(i -> i.recordId().equals(record.id()));
        if (item.isEmpty()) {
            return new ActionOutcome.Refused(404, "error.notfound", List.of(), Map.of());
        }
        String version = input.field("version");
        try {
            return items.edit(record, item.get(), version.matches("\\d{1,9}") ? Integer.parseInt(version) : -1, input.form(), v,
                    request.actor(), request.address()).isPresent() ? new ActionOutcome.DoneAt(record.id(), ANCHOR) : ActionOutcome.invalid(v);
        } catch (StaleEditException stale) {
            Item now = stale.current(Item.class);
            return new ActionOutcome.Refused(409, "library.item.stale", List.of(now.updatedBy(), request.dateTime(now.updatedAt())), Map.of());
        }
    }
}
