package org.diwan.library.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diwan.api.i18n.Language;
import org.diwan.api.validation.Validation;
import org.diwan.integration.internal.TestRecordEvents;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.authority.Authority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a record, and the tombstones that deletion and withdrawal from the public leave for harvesters. */
class CatalogueDeletionTest {

    @TempDir
    Path folder;
    private LibraryFixture library;
    private Authority council;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        council = library.authority("BODY", "مجلس الجامعة", "Council", null);
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static Map<String, String> fields(String title, String access) {
        return new HashMap<>(Map.of("type", "LEAGUE_DOCUMENT", "titleAr", title, "language", "ar", "access", access, "issuedOn", "2003-03-24"));
    }

    private CatalogueRecord record(String title, String access) throws Exception {
        Map<String, String> f = fields(title, access);
        f.put("body", council.id());
        return library.record(f);
    }

    private CatalogueRecord withAccess(CatalogueRecord r, String access) throws Exception {
        Map<String, String> f = fields(r.title().ar(), access);
        f.put("body", council.id());
        Validation v = new Validation();
        return library.catalogue.update(r.id(), r.version(), f, v, LibraryFixture.ACTOR, LibraryFixture.ADDRESS).orElseThrow();
    }

    private Map<String, Tombstone> tombstones(String... ids) throws Exception {
        return RecordTombstones.all(library.dataSource, List.of(ids));
    }

    @Test
    void deletingARecordRemovesItsLinksAndSearchEntryAndLeavesATombstoneAnAuditEntryAndAnEvent() throws Exception {
        CatalogueRecord r = record("قرار بشأن المياه", "PUBLIC");
        assertThat(library.catalogue.search(CatalogueQuery.words("المياه"), Viewer.PUBLIC, Language.AR).total()).isEqualTo(1);

        assertThat(library.catalogue.delete(r, "chief", "10.0.0.9")).isTrue();

        assertThat(library.catalogue.get(r.id())).isEmpty();
        assertThat(library.recordStore.naming(council.id())).isEmpty();
        assertThat(library.catalogue.search(CatalogueQuery.words("المياه"), Viewer.RESTRICTED, Language.AR).total()).isZero();
        Tombstone t = tombstones(r.id()).get(r.id());
        assertThat(t.reason()).isEqualTo(Tombstone.Reason.DELETED);
        assertThat(t.type()).isEqualTo(RecordType.LEAGUE_DOCUMENT);
        assertThat(t.wasPublic()).isTrue();
        assertThat(library.audited.entries()).anyMatch(e -> e.action().equals("library.record.delete") && e.target().equals(r.id())
                && e.actor().equals("chief"));
        assertThat(library.events.waiting()).filteredOn(w -> w.recordId().equals(r.id())).extracting(TestRecordEvents.Waiting::address)
                .anyMatch(a -> a.endsWith(".deleted"));
        // deleted already: nothing more to do, nothing more recorded
        assertThat(library.catalogue.delete(r, "chief", "10.0.0.9")).isFalse();
    }

    @Test
    void aPeriodicalWithIssuesIsNotDeletedAndKeepsEverything() throws Exception {
        CatalogueRecord periodical = library.record(Map.of("type", "PERIODICAL", "titleAr", "شؤون عربية", "language", "ar", "access", "PUBLIC"));
        CatalogueRecord issue = library.record(Map.of("type", "ISSUE", "titleAr", "العدد ١", "language", "ar", "access", "PUBLIC",
                "parent", periodical.id()));

        assertThatThrownBy(() -> library.catalogue.delete(periodical, "chief", "10.0.0.9")).isInstanceOf(RecordInUse.class);

        assertThat(library.catalogue.get(periodical.id())).isPresent();
        assertThat(tombstones(periodical.id())).isEmpty();
        assertThat(library.audited.entries()).noneMatch(e -> e.action().equals("library.record.delete"));
        // the issue goes first, then the periodical may
        assertThat(library.catalogue.delete(issue, "chief", "10.0.0.9")).isTrue();
        assertThat(library.catalogue.delete(library.catalogue.get(periodical.id()).orElseThrow(), "chief", "10.0.0.9")).isTrue();
    }

    @Test
    void aRecordWithCopiesIsNotDeleted() throws Exception {
        CatalogueRecord r = record("كتاب له نسخ", "PUBLIC");
        try (java.sql.Connection c = library.dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "INSERT INTO item (id, record_id, barcode, location, status, version, created_at, created_by, updated_at, updated_by)"
                        + " VALUES (?, ?, 'B-1', 'stacks', 'WITHDRAWN', 1, CURRENT_TIMESTAMP, 'desk', CURRENT_TIMESTAMP, 'desk')")) {
            s.setString(1, java.util.UUID.randomUUID().toString());
            s.setString(2, r.id());
            s.executeUpdate();
        }
        assertThatThrownBy(() -> library.catalogue.delete(r, "chief", "10.0.0.9")).isInstanceOf(RecordInUse.class)
                .satisfies(e -> assertThat(((RecordInUse) e).reason()).isEqualTo(RecordInUse.Reason.COPIES));
        assertThat(library.catalogue.get(r.id())).isPresent();
        assertThat(library.catalogue.copies(r.id())).isEqualTo(1);
        assertThat(tombstones(r.id())).isEmpty();
    }

    @Test
    void aRecordWithdrawnFromThePublicHasATombstoneUntilItIsPublicAgain() throws Exception {
        CatalogueRecord r = record("تقرير", "PUBLIC");
        CatalogueRecord staff = withAccess(r, "STAFF");
        assertThat(tombstones(r.id()).get(r.id()).reason()).isEqualTo(Tombstone.Reason.WITHDRAWN);
        assertThat(tombstones(r.id()).get(r.id()).removedAt()).isEqualTo(staff.updatedAt());

        // still withdrawn after another edit: harvesters were told when it left, and the date stays
        CatalogueRecord restricted = withAccess(staff, "RESTRICTED");
        assertThat(tombstones(r.id()).get(r.id()).removedAt()).isEqualTo(staff.updatedAt());

        withAccess(restricted, "PUBLIC");
        assertThat(tombstones(r.id())).isEmpty();
    }

    @Test
    void aRecordNeverPublicLeavesATombstoneHarvestersAreNotToldOf() throws Exception {
        CatalogueRecord r = record("مذكرة داخلية", "RESTRICTED");
        assertThat(tombstones(r.id())).isEmpty();
        assertThat(library.catalogue.delete(r, "chief", "10.0.0.9")).isTrue();
        assertThat(tombstones(r.id()).get(r.id()).wasPublic()).isFalse();
        assertThat(library.recordStore.harvest().find(r.id())).isEmpty();
    }

    @Test
    void aWithdrawnRecordDeletedLaterIsStillOneHarvestersAreToldOf() throws Exception {
        CatalogueRecord staff = withAccess(record("تقرير", "PUBLIC"), "STAFF");
        assertThat(library.catalogue.delete(staff, "chief", "10.0.0.9")).isTrue();
        Tombstone t = tombstones(staff.id()).get(staff.id());
        assertThat(t.reason()).isEqualTo(Tombstone.Reason.DELETED);
        assertThat(t.wasPublic()).isTrue();
    }
}
