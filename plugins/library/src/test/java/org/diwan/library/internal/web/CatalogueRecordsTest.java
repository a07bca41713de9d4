package org.diwan.library.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.diwan.api.web.record.ActionInput;
import org.diwan.api.web.record.ActionOutcome;
import org.diwan.api.web.record.Outcome;
import org.diwan.api.web.record.PageRequest;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.LibraryPlugin;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's rules on the record page flow, on a real database: what the shell is handed for each outcome. */
class CatalogueRecordsTest {

    @TempDir
    Path folder;
    private LibraryFixture library;
    private CatalogueRecords records;
    private Authority council;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        // the search, exports and objects are not asked here: no pages, exchange or documents
        records = new CatalogueRecords(library.catalogue, null, new CatalogueOutput(library.catalogue, null, null, library.authorities, null, null), null);
        council = library.authority("BODY", "مجلس جامعة الدول العربية", "Council of the League of Arab States", null, "مجلس الجامعة");
    }

    @AfterEach
    void close() {
        library.close();
    }

    private Map<String, String> resolution(String access) {
        return new HashMap<>(Map.of("body", council.id(), "type", "LEAGUE_DOCUMENT", "titleAr", "قرار بشأن حماية التراث الثقافي",
                "titleEn", "Resolution on cultural heritage", "symbol", "ق.ق: 8001 د.ع (160)", "session", "الدورة العادية 160",
                "issuedOn", "2023-09-06", "language", "ar", "summary", "سطر أول\nسطر ثان", "access", access));
    }

    private static PageRequest as(String actor, String... permissions) {
        Set<String> held = Set.of(permissions);
        return new PageRequest(List.of(), Map.of(), Language.EN, actor, "::1", held::contains);
    }

    @Test
    void aRestrictedRecordIsNotFoundForStaffWithoutTheRestrictedPermission() throws Exception {
        CatalogueRecord secret = library.record(resolution("RESTRICTED"));
        PageRequest staff = as("reader", LibraryPlugin.CATALOGUE_READ);
        PageRequest cleared = as("archivist", LibraryPlugin.CATALOGUE_READ, LibraryPlugin.CATALOGUE_READ_RESTRICTED);

        assertThat(records.find(secret.id(), staff)).isEmpty();
        assertThat(records.find(secret.id(), cleared)).map(CatalogueRecord::id).contains(secret.id());
        assertThat(records.find("no-such-id", cleared)).isEmpty();
    }

    @Test
    void theFormOfARecordSavesItUnchangedAndNamesItsAuthoritiesAsCatalogued() throws Exception {
        Map<String, String> typed = resolution("STAFF");
        typed.put("body", "مجلس الجامعه");  // a variant, as a cataloguer types it
        PageRequest cataloguer = as("cataloguer", LibraryPlugin.CATALOGUE_READ, LibraryPlugin.CATALOGUE_WRITE);
        CatalogueRecord created = ((Outcome.Saved<CatalogueRecord>) records.create(typed, cataloguer)).record();

        Map<String, String> form = records.fields(created);
        assertThat(form).containsEntry("body", council.name().ar()).containsEntry("summary", "سطر أول\nسطر ثان")
                .containsEntry("issuedOn", "2023-09-06").containsEntry("access", "STAFF").containsEntry("titleFr", "")
                .containsEntry("parent", "");
        Outcome<CatalogueRecord> again = records.update(created, records.version(created), form, cataloguer);
        assertThat(again).isInstanceOf(Outcome.Saved.class);
        CatalogueRecord saved = ((Outcome.Saved<CatalogueRecord>) again).record();
        assertThat(saved.version()).isEqualTo(created.version() + 1);
        assertThat(records.fields(saved)).isEqualTo(form);
    }

    @Test
    void anEditFromAnOldVersionSaysWhoSavedSinceAndWhenAndStoresNothing() throws Exception {
        CatalogueRecord created = library.record(resolution("PUBLIC"));
        Map<String, String> first = new HashMap<>(records.fields(created));
        first.put("titleAr", "النص المعتمد");
        records.update(created, created.version(), first, as("hala", LibraryPlugin.CATALOGUE_WRITE));

        Map<String, String> late = new HashMap<>(records.fields(created));
        late.put("titleAr", "نص متأخر");
        Outcome<CatalogueRecord> outcome = records.update(created, created.version(), late, as("omar", LibraryPlugin.CATALOGUE_WRITE));

        assertThat(outcome).isInstanceOf(Outcome.Stale.class);
        Outcome.Stale<CatalogueRecord> stale = (Outcome.Stale<CatalogueRecord>) outcome;
        assertThat(stale.changedBy()).isEqualTo("hala");
        assertThat(stale.current().title().ar()).isEqualTo("النص المعتمد");
        assertThat(stale.changedAt()).isEqualTo(stale.current().updatedAt());
        assertThat(library.catalogue.get(created.id()).orElseThrow().title().ar()).isEqualTo("النص المعتمد");
    }

    @Test
    void aRefusedDescriptionNamesItsFieldsAndIsNotStored() throws Exception {
        Map<String, String> bad = resolution("NOWHERE");
        bad.put("issuedOn", "2023-02-30");
        bad.put("titleAr", "");
        Outcome<CatalogueRecord> outcome = records.create(bad, as("cataloguer", LibraryPlugin.CATALOGUE_WRITE));
        assertThat(outcome).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<CatalogueRecord>) outcome).errors()).containsKeys("access", "issuedOn");
        assertThat(library.catalogue.search(org.diwan.library.internal.catalogue.CatalogueQuery.words("التراث"),
                org.diwan.library.internal.catalogue.Viewer.RESTRICTED, Language.AR).total()).isZero();
    }

    @Test
    void anObjectsLabelAndLevelAreCheckedBeforeTheFileIsRead() throws Exception {
        CatalogueRecord record = library.record(resolution("PUBLIC"));
        ActionInput hostile = new ActionInput(Map.of("label", "scan\u202Eexe.pdf", "objectAccess", "EVERYONE"), Optional.empty(), Optional.empty());
        ActionOutcome outcome = records.act(CatalogueRecords.OBJECTS, record, hostile, as("cataloguer", LibraryPlugin.CATALOGUE_WRITE));
        assertThat(outcome).isInstanceOfSatisfying(ActionOutcome.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.fields()).containsKey("objectAccess");
        });
    }
}
