package org.diwan.library.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.ListQuery;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.holdings.HoldingsFixture;
import org.diwan.library.internal.holdings.Item;
import org.diwan.library.internal.holdings.ItemStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemResourceTest {

    @TempDir
    Path folder;
    private HoldingsFixture f;
    private ItemResource api;
    private CatalogueRecord book;

    @BeforeEach
    void open() throws Exception {
        f = new HoldingsFixture(folder);
        api = new ItemResource(f.items, f.circulation, new CatalogueOutput(f.library.catalogue, null, null, f.library.authorities, null, null),
                f.library.dataSource);
        book = f.book("كتاب عام");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static PageRequest as(String actor, String... permissions) {
        return new PageRequest(List.of(), Map.of(), Language.EN, actor, "::1", Set.of(permissions)::contains);
    }

    @Test
    void integratorsListAndReadCopiesByBarcodeButNeverThoseOfRecordsTheyMayNotSee() throws Exception {
        f.copy(book, "PUB-0001");
        CatalogueRecord secret = f.library.record(Map.of("type", "BOOK", "titleAr", "تقرير سري", "language", "ar", "access", "RESTRICTED"));
        f.copy(secret, "SEC-0001");
        PageRequest reader = as("app", LibraryPlugin.CATALOGUE_READ);
        assertThat(api.list(new ListQuery("", Map.of(), "barcode", false, 0, 50), reader).items()).extracting(Item::barcode)
                .containsExactly("PUB-0001");
        assertThat(api.list(new ListQuery("sec", Map.of(), "barcode", false, 0, 50),
                as("app", LibraryPlugin.CATALOGUE_READ, LibraryPlugin.CATALOGUE_READ_RESTRICTED)).items()).extracting(Item::barcode)
                .containsExactly("SEC-0001");
        assertThat(api.find("pub-0001", reader)).map(Item::barcode).contains("PUB-0001");
        assertThat(api.find("SEC-0001", reader)).isEmpty();
    }

    @Test
    void theDeskLendsThroughTheApiAndOnlyTheDeskSeesTheBorrower() throws Exception {
        Item copy = f.copy(book, "PUB-0001");
        PageRequest desk = as("kiosk", LibraryPlugin.CATALOGUE_READ, LibraryPlugin.CIRCULATION);
        ActionOutcome refused = api.act(ItemResource.LEND, copy, new ActionInput(Map.of("borrower", "nobody"), Optional.empty(),
                Optional.empty()), desk);
        assertThat(refused).isInstanceOfSatisfying(ActionOutcome.Refused.class,
                no -> assertThat(no.messageKey()).isEqualTo("library.desk.unknown-borrower"));
        assertThat(api.act(ItemResource.LEND, copy, new ActionInput(Map.of("borrower", "hala"), Optional.empty(), Optional.empty()), desk))
                .isInstanceOf(ActionOutcome.Done.class);
        Item lent = api.find(copy.id(), desk).orElseThrow();
        assertThat(lent.status()).isEqualTo(ItemStatus.ON_LOAN);
        assertThat(api.jsonDetail(lent, desk)).containsEntry("borrower", "hala").containsEntry("dueOn", "2026-12-21");
        assertThat(api.jsonDetail(lent, as("app", LibraryPlugin.CATALOGUE_READ))).doesNotContainKey("borrower").containsKey("dueOn");
        assertThat(api.act(ItemResource.RETURN, lent, new ActionInput(Map.of(), Optional.empty(), Optional.empty()), desk))
                .isInstanceOf(ActionOutcome.Done.class);
        assertThat(api.find(copy.id(), desk).orElseThrow().status()).isEqualTo(ItemStatus.AVAILABLE);
    }

    @Test
    void aCopyIsCreatedForAVisibleRecordOnlyAndStaysWithIt() throws Exception {
        PageRequest cataloguer = as("app", LibraryPlugin.CATALOGUE_READ, LibraryPlugin.CATALOGUE_WRITE);
        assertThat(api.create(Map.of("recordId", "no-such-record", "barcode", "X-0001", "location", "stacks"), cataloguer))
                .isInstanceOf(Outcome.Invalid.class);
        Outcome<Item> made = api.create(Map.of("recordId", book.id(), "barcode", "x-0001", "location", "stacks"), cataloguer);
        Item item = ((Outcome.Saved<Item>) made).record();
        assertThat(item.barcode()).isEqualTo("X-0001");
        assertThat(api.update(item, item.version(), Map.of("recordId", "another", "barcode", "X-0001", "location", "stacks"), cataloguer))
                .isInstanceOf(Outcome.Invalid.class);
        Item repaired = ((Outcome.Saved<Item>) api.update(item, item.version(), Map.of("recordId", book.id(), "barcode", "X-0001",
                "location", "archive", "status", "IN_REPAIR"), cataloguer)).record();
        // a body without a status keeps the copy's
        Item noted = ((Outcome.Saved<Item>) api.update(repaired, repaired.version(), Map.of("barcode", "X-0001", "location", "archive",
                "note", "spine glued"), cataloguer)).record();
        assertThat(noted.status()).isEqualTo(ItemStatus.IN_REPAIR);
        assertThat(noted.note()).isEqualTo("spine glued");
    }
}
