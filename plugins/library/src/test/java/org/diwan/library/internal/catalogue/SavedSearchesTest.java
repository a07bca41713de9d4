package org.diwan.library.internal.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.diwan.api.i18n.Language;
import org.diwan.library.internal.LibraryFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers' saved searches on a real Derby and the real search service: theirs alone, new results counted. */
class SavedSearchesTest {

    @TempDir
    Path folder;
    private LibraryFixture library;
    private SavedSearches searches;

    @BeforeEach
    void open() throws Exception {
        library = new LibraryFixture(folder);
        searches = new SavedSearches(library.dataSource, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        library.close();
    }

    private void book(String title) throws Exception {
        library.record(new HashMap<>(Map.of("type", "BOOK", "titleAr", title, "language", "ar", "access", "PUBLIC")));
    }

    private long fresh(SavedSearch search) throws Exception {
        CatalogueQuery query = new CatalogueQuery(search.query().replace("q=", ""), Map.of(), Map.of(), null, null, false, 0, 0)
                .countingChangesSince(search.lastSeen());
        return library.catalogue.search(query, Viewer.STAFF, Language.AR).total();
    }

    @Test
    void aSavedSearchCountsWhatIsNewSinceItsReaderLastLooked() throws Exception {
        book("المياه في الوطن العربي");
        SavedSearch water = searches.save("reader1", "المياه", "q=المياه");
        Thread.sleep(20);

        book("إدارة المياه الجوفية");
        book("تاريخ الأدب");

        assertThat(fresh(water)).isEqualTo(1);
        searches.seen(water);
        SavedSearch seen = searches.get("reader1", water.id()).orElseThrow();
        assertThat(seen.lastSeen()).isAfter(water.lastSeen());
        assertThat(fresh(seen)).isZero();
    }

    @Test
    void aReaderSeesAndDeletesOnlyTheirOwn() throws Exception {
        SavedSearch mine = searches.save("reader1", "القمة", "q=القمة");

        assertThat(searches.of("reader2")).isEmpty();
        assertThat(searches.get("reader2", mine.id())).isEmpty();
        assertThat(searches.delete("reader2", mine.id())).isFalse();
        assertThat(searches.delete("reader1", mine.id())).isTrue();
        assertThat(searches.of("reader1")).isEmpty();
    }

    @Test
    void aReaderKeepsAtMostFiftySearches() throws Exception {
        for (int i = 0; i < SavedSearches.MAX_PER_USER; i++) {
            searches.save("reader1", "بحث " + i, "q=" + i);
        }
        assertThatThrownBy(() -> searches.save("reader1", "one more", "q=x")).isInstanceOf(IllegalStateException.class);
        assertThat(searches.save("reader2", "another reader", "q=x")).isNotNull();
    }
}
