package org.diwan.library.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.diwan.api.i18n.Language;
import org.diwan.library.internal.LibraryFixture;
import org.diwan.library.internal.catalogue.CatalogueQuery;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.catalogue.Role;
import org.diwan.library.internal.catalogue.Viewer;
import org.diwan.library.internal.search.LibraryCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demonstration data: every holding type, authorities in three languages, found by search once loaded. */
class LibraryDemoDataTest {

    @TempDir
    Path folder;

    @Test
    void theSameSeedGivesTheSameDataAndEveryAuthorityHasItsThreeNames() {
        List<String> ids = java.util.stream.IntStream.range(0, 22 + 14 + 20 + 50).mapToObj(i -> "00000000-0000-0000-0000-" + String.format("%012d", i))
                .toList();
        assertThat(new LibraryDemoData(7).record(3, ids, 50)).isEqualTo(new LibraryDemoData(7).record(3, ids, 50));
        var authorities = new LibraryDemoData(7).authorities(50);
        assertThat(authorities).hasSize(22 + 14 + 20 + 50);
        assertThat(authorities.subList(0, 56)).allSatisfy(a -> {
            assertThat(a.name().en()).isNotBlank();
            assertThat(a.name().fr()).isNotBlank();
        });
        assertThat(authorities.get(4).name().ar()).isEqualTo("مصر");
    }

    @Test
    void loadedDataIsSearchableByVariantSpellingsAndCoversEveryHoldingType() throws Exception {
        try (LibraryFixture library = new LibraryFixture(folder)) {
            int loaded = LibraryDemoLoader.load(library.dataSource, 600, 40, 2026);
            library.search.rebuild(LibraryCollections.AUTHORITIES);
            library.search.rebuild(LibraryCollections.RECORDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (library.catalogue.search(CatalogueQuery.words(""), Viewer.RESTRICTED, Language.AR).total() < 600) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(50);
            }

            assertThat(loaded).isEqualTo(600);
            Set<RecordType> types = EnumSet.noneOf(RecordType.class);
            List<CatalogueRecord> all = library.recordStore.getAll(library.catalogue.search(new CatalogueQuery("", java.util.Map.of(),
                    java.util.Map.of(), null, null, false, 0, 200), Viewer.RESTRICTED, Language.AR).records().stream().map(CatalogueRecord::id)
                    .toList()).values().stream().toList();
            all.forEach(r -> types.add(r.type()));
            assertThat(types).contains(RecordType.LEAGUE_DOCUMENT, RecordType.BOOK, RecordType.PHOTOGRAPH);
            assertThat(all).allSatisfy(r -> assertThat(r.authorityIds(Role.SUBJECT)).hasSize(1));
            assertThat(all.stream().filter(r -> r.type() == RecordType.LEAGUE_DOCUMENT))
                    .allSatisfy(r -> assertThat(r.authorityIds(Role.BODY)).hasSize(1));
            // an English reader searching an Arabic subject's other spelling finds League documents on it
            assertThat(library.catalogue.search(CatalogueQuery.words("الامن المائى"), Viewer.PUBLIC, Language.EN).total()).isPositive();
            assertThat(library.catalogue.search(CatalogueQuery.words("water security"), Viewer.PUBLIC, Language.EN).total()).isPositive();
        }
    }
}
