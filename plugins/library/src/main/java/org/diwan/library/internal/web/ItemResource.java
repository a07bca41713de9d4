package org.diwan.library.internal.web;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.diwan.api.validation.Validation;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.ApiField;
import org.diwan.api.web.record.ListPage;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.api.web.record.RecordAction;
import org.diwan.api.web.record.RecordPagesSpec;
import org.diwan.api.web.record.RecordResource;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.Viewer;
import org.diwan.library.internal.holdings.Circulation;
import org.diwan.library.internal.holdings.CirculationRefused;
import org.diwan.library.internal.holdings.HoldingsStore;
import org.diwan.library.internal.holdings.Item;
import org.diwan.library.internal.holdings.ItemStatus;
import org.diwan.library.internal.holdings.Items;
import org.diwan.library.internal.holdings.Loan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Copies for integrators, on the shell's JSON API at {@code /api/library/items} (a self-service kiosk, a barcode
 * printer, a union catalogue): list ({@code q} a barcode's start, {@code record} a record's id), read (by id or by
 * barcode), create and edit with the catalogue's write permission, and the desk's actions {@code lend}
 * ({@code borrower}, optional {@code dueOn}), {@code return} and {@code renew} with the circulation permission. Only the
 * desk sees who borrowed a copy. Pages stay the record's own: this is registered as a resource only.
 */
@Component(service = RecordResource.class, property = "diwan.plugin=" + LibraryPlugin.ID)
public final class ItemResource implements RecordResource<Item> {

    static final String LEND = "lend";
    static final String RETURN = "return";
    static final String RENEW = "renew";
    private static final RecordPagesSpec SPEC = RecordPagesSpec.at("/diwan/library/items")
            .permissions(LibraryPlugin.CATALOGUE_READ, LibraryPlugin.CATALOGUE_WRITE)
            .templates("library/item")
            .filters("record")
            .sortedBy("barcode", false)
            .pageSize(50)
            .formFields("recordId", "barcode", "callNumber", "location", "status", "note")
            .actions(new RecordAction(LEND, LibraryPlugin.CIRCULATION), new RecordAction(RETURN, LibraryPlugin.CIRCULATION),
                    new RecordAction(RENEW, LibraryPlugin.CIRCULATION))
            .build();

    private final Items items;
    private final Circulation circulation;
    private final CatalogueOutput output;
    private final HoldingsStore store;

    @Activate
    public ItemResource(@Reference Items items, @Reference Circulation circulation, @Reference CatalogueOutput output,
            @Reference(target = "(diwan.schema=library)") javax.sql.DataSource library) {
        this.items = items;
        this.circulation = circulation;
        this.output = output;
        this.store = new HoldingsStore(library);
    }

    @Override
    public RecordPagesSpec spec() {
        return SPEC;
    }

    @Override
    public String apiBase() {
        return "/api/library/items";
    }

    @Override
    public String title() {
        return "Library copies";
    }

    @Override
    public ListPage<Item> list(ListQuery query, PageRequest request) throws SQLException {
        boolean restricted = CatalogueOutput.staffViewer(request) == Viewer.RESTRICTED;
        String start = Items.barcode(query.text());
        String record = query.filter("record");
        return new ListPage<>(store.page(start, record, restricted, query.offset(), query.size()), store.count(start, record, restricted),
                query.page(), query.size());
    }

    /** By id, or by barcode as a scanner reads it; a copy of a record the caller may not see is not found. */
    @Override
    public Optional<Item> find(String id, PageRequest request) throws SQLException {
        Optional<Item> item = items.get(id);
        if (item.isEmpty()) {
            item = store.byBarcode(Items.barcode(id));
        }
        return item.isPresent() && record(item.get(), request).isPresent() ? item : Optional.empty();
    }

    @Override
    public Map<String, Object> view(Item item, PageRequest request) {
        return json(item);
    }

    @Override
    public Map<String, String> fields(Item item) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("recordId", item.recordId());
        f.put("barcode", item.barcode());
        f.put("callNumber", item.callNumber() == null ? "" : item.callNumber());
        f.put("location", item.location());
        f.put("status", item.status().name());
        f.put("note", item.note() == null ? "" : item.note());
        return f;
    }

    @Override
    public Outcome<Item> create(Map<String, String> fields, PageRequest request) throws SQLException {
        Optional<CatalogueRecord> record = output.visible(fields.getOrDefault("recordId", ""), CatalogueOutput.staffViewer(request));
        if (record.isEmpty()) {
            return Outcome.invalid("recordId", "library.item.no-record");
        }
        return Outcome.from(Item.class, v -> items.add(record.get(), fields, v, request.actor(), request.address()));
    }

    @Override
    public Outcome<Item> update(Item current, int version, Map<String, String> fields, PageRequest request) throws SQLException {
        CatalogueRecord record = record(current, request).orElseThrow();
        if (!fields.getOrDefault("recordId", current.recordId()).equals(current.recordId())) {
            return Outcome.invalid("recordId", "library.item.other-record");
        }
        return Outcome.from(Item.class, v -> items.edit(record, current, version, fields, v, request.actor(), request.address()));
    }

    @Override
    public ActionOutcome act(String action, Item item, ActionInput input, PageRequest request) throws SQLException {
        try {
            switch (action) {
                case LEND -> {
                    Validation v = new Validation();
                    LocalDate due = v.date("dueOn", input.form().get("dueOn"), false);
                    if (!v.isValid()) {
                        return ActionOutcome.invalid(v);
                    }
                    circulation.lend(item.barcode(), input.field("borrower"), due, request.actor(), request.address());
                }
                case RETURN -> circulation.giveBack(item.barcode(), request.actor(), request.address());
                default -> {
                    Loan loan = circulation.openLoanOf(item.id())
                            .orElseThrow(() -> new CirculationRefused(409, "library.desk.not-lent", item.barcode()));
                    circulation.renew(loan.id(), null, request.actor(), request.address());
                }
            }
            return ActionOutcome.done(item.id());
        } catch (CirculationRefused no) {
            return new ActionOutcome.Refused(no.status(), no.messageKey(), no.args(), Map.of());
        }
    }

    @Override
    public Map<String, Object> json(Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", item.id());
        json.put("recordId", item.recordId());
        json.put("barcode", item.barcode());
        json.put("callNumber", item.callNumber());
        json.put("location", item.location());
        json.put("status", item.status().name());
        json.put("note", item.note());
        json.put("version", item.version());
        json.put("updatedAt", item.updatedAt().toString());
        return json;
    }

    /** A lent copy's due date; its borrower for the desk only. */
    @Override
    public Map<String, Object> jsonDetail(Item item, PageRequest request) throws SQLException {
        Map<String, Object> json = json(item);
        Optional<Loan> loan = item.status() == ItemStatus.ON_LOAN ? circulation.openLoanOf(item.id()) : Optional.empty();
        json.put("dueOn", loan.map(l -> l.dueOn().toString()).orElse(null));
        if (request.permitted(LibraryPlugin.CIRCULATION)) {
            json.put("borrower", loan.map(Loan::borrower).orElse(null));
        }
        return json;
    }

    @Override
    public List<ApiField> schema() {
        return List.of(ApiField.readOnly("id", ApiField.Type.TEXT), ApiField.text("recordId", true), ApiField.text("barcode", true),
                ApiField.text("callNumber", false), ApiField.text("location", true), ApiField.code("status", false, ItemStatus.class),
                ApiField.text("note", false), ApiField.readOnly("version", ApiField.Type.INTEGER),
                ApiField.readOnly("updatedAt", ApiField.Type.DATE_TIME), ApiField.readOnly("dueOn", ApiField.Type.DATE));
    }

    private Optional<CatalogueRecord> record(Item item, PageRequest request) throws SQLException {
        return output.visible(item.recordId(), CatalogueOutput.staffViewer(request));
    }
}
