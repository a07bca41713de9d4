package org.diwan.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.diwan.api.i18n.Language;
import org.diwan.api.search.FacetCount;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuceneSearchServiceTest {

    private static final String BOOKS = "library.record";

    @TempDir
    Path folder;
    private LuceneSearchService search;

    @BeforeEach
    void start() {
        search = new LuceneSearchService(folder);
        search.start();
    }

    @AfterEach
    void stop() {
        search.stop();
    }

    private void index(SearchDocument... documents) {
        search.index(BOOKS, List.of(documents));
    }

    private List<String> find(String text) {
        return search.search(BOOKS, SearchQuery.of(text)).ids();
    }

    @ParameterizedTest(name = "{1} finds {0}")
    @CsvSource({"احمد, أحمد", "أحمد, احمد", "مكتبة, مكتبه", "مكتبه, مكتبة", "مستشفى, مستشفي", "مستشفي, مستشفى",
            "العربيـــة, العربية", "العربية, العربيـــة", "كَتَبَ, كتب", "كتب, كَتَبَ", "المكتبات, مكتبة", "مكتبة, المكتبات",
            "القرارات, قرار"})
    void findsArabicWrittenTheOtherWay(String written, String searched) {
        index(SearchDocument.builder("r1").text("title", "تقرير عن " + written + " في القاهرة").build(),
                SearchDocument.builder("r2").text("title", "وثيقة أخرى لا صلة لها").build());

        assertThat(find(searched)).containsExactly("r1");
    }

    @Test
    void findsEnglishAndFrenchByTheirStemsWhateverTheLanguageOfTheQuery() {
        index(SearchDocument.builder("en").text("title", "Resolutions of the Council", Language.EN).build(),
                SearchDocument.builder("fr").text("title", "Les résolutions économiques", Language.FR).build(),
                SearchDocument.builder("any").text("title", "Annual meetings").build());

        assertThat(find("resolution")).containsExactlyInAnyOrder("en", "fr");
        assertThat(find("économique")).containsExactly("fr");
        assertThat(find("economique")).containsExactly("fr");
        assertThat(find("council resolution")).containsExactly("en");
        assertThat(find("meeting")).containsExactly("any");
    }

    @Test
    void allWordsAreRequiredAndPhrasesKeepTheirOrder() {
        index(SearchDocument.builder("a").text("title", "قرار مجلس الجامعة").build(),
                SearchDocument.builder("b").text("title", "مجلس الوزراء قرار").build(),
                SearchDocument.builder("c").text("title", "قرار القمة").build());

        assertThat(find("قرار مجلس")).containsExactlyInAnyOrder("a", "b");
        assertThat(find("\"قرار مجلس\"")).containsExactly("a");
        assertThat(find("قرار -القمة")).containsExactlyInAnyOrder("a", "b");
        assertThat(find("الوزراء | القمة")).containsExactlyInAnyOrder("b", "c");
        assertThat(find("مجل*")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void whatAUserTypesNeverFails() {
        index(SearchDocument.builder("a").text("title", "قرار مجلس الجامعة").build());

        for (String typed : List.of("\"قرار", "قرار)", "((", "*", "-", "|", "~2", "\\", "AND OR NOT", "\u200f\u200e", "ـــ", "في من")) {
            SearchResult result = search.search(BOOKS, SearchQuery.of(typed));
            assertThat(result.total()).as(typed).isLessThanOrEqualTo(1);
        }
        assertThat(find("\"قرار")).containsExactly("a");
    }

    @Test
    void aFieldCanBeSearchedAlone() {
        index(SearchDocument.builder("a").text("title", "تاريخ الجامعة").text("author", "أحمد شوقي").build(),
                SearchDocument.builder("b").text("title", "ديوان أحمد شوقي").text("author", "طه حسين").build());

        SearchResult byAuthor = search.search(BOOKS, SearchQuery.builder().text("author", "احمد").build());
        assertThat(byAuthor.ids()).containsExactly("a");
        SearchResult both = search.search(BOOKS, SearchQuery.builder().text("شوقي").text("author", "حسين").build());
        assertThat(both.ids()).containsExactly("b");
    }

    @Test
    void facetsCountTheWholeResultAndFiltersNarrowIt() {
        for (int i = 0; i < 30; i++) {
            index(SearchDocument.builder("r" + i).text("title", "قرار رقم " + i)
                    .keyword("type", i % 3 == 0 ? "resolution" : "book")
                    .keyword("subject", "economy").keyword("subject", i % 2 == 0 ? "health" : "education")
                    .keyword("access", i < 25 ? "public" : "restricted").number("year", 2000L + i).build());
        }

        SearchResult all = search.search(BOOKS, SearchQuery.builder().text("قرار").facets("type", "subject", "missing")
                .page(0, 5).build());
        assertThat(all.total()).isEqualTo(30);
        assertThat(all.hits()).hasSize(5);
        assertThat(all.facets().get("type")).containsExactly(new FacetCount("book", 20), new FacetCount("resolution", 10));
        assertThat(all.facets().get("subject")).containsExactly(new FacetCount("economy", 30), new FacetCount("education", 15),
                new FacetCount("health", 15));
        assertThat(all.facets().get("missing")).isEmpty();

        SearchResult filtered = search.search(BOOKS, SearchQuery.builder().filter("type", "resolution").filter("access", "public")
                .range("year", 2003L, null).facets("type").build());
        // resolutions are 0, 3, …, 27; public ones below 25; year 2003 or later: 3, 6, …, 24
        assertThat(filtered.total()).isEqualTo(8);
        assertThat(filtered.facets().get("type")).containsExactly(new FacetCount("resolution", 8));

        SearchResult either = search.search(BOOKS, SearchQuery.builder().filter("subject", "health", "education").build());
        assertThat(either.total()).isEqualTo(30);
    }

    @Test
    void pagesFollowTheAskedOrderWithoutGapsOrRepeats() {
        for (int i = 0; i < 45; i++) {
            index(SearchDocument.builder("r" + i).text("title", "مكتبة").number("year", 1980L + i).build());
        }
        index(SearchDocument.builder("undated").text("title", "مكتبة").build());

        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < 46; offset += 20) {
            seen.addAll(search.search(BOOKS, SearchQuery.builder().text("مكتبة").sortBy("year", true).page(offset, 20).build()).ids());
        }
        assertThat(seen).hasSize(46).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("r44");
        assertThat(seen.get(44)).isEqualTo("r0");
        assertThat(seen.get(45)).isEqualTo("undated");
    }

    @Test
    void totalsAreExactUpToAThousandAndAlwaysWithFacets() {
        List<SearchDocument> many = new java.util.ArrayList<>();
        for (int i = 0; i < SearchQuery.EXACT_TOTAL_UP_TO + 50; i++) {
            many.add(SearchDocument.builder("r" + i).text("title", "مكتبة " + i).keyword("type", "book").build());
        }
        search.index(BOOKS, many);
        index(SearchDocument.builder("few").text("title", "أرشيف").build());

        SearchResult broad = search.search(BOOKS, SearchQuery.of("مكتبه"));
        assertThat(broad.exact()).isFalse();
        assertThat(broad.total()).isBetween((long) SearchQuery.EXACT_TOTAL_UP_TO, (long) SearchQuery.EXACT_TOTAL_UP_TO + 50);
        SearchResult faceted = search.search(BOOKS, SearchQuery.builder().text("مكتبه").facets("type").build());
        assertThat(faceted.exact()).isTrue();
        assertThat(faceted.total()).isEqualTo(SearchQuery.EXACT_TOTAL_UP_TO + 50);
        assertThat(search.search(BOOKS, SearchQuery.of("ارشيف")).exact()).isTrue();
    }

    @Test
    void facetsOfABroadResultAreEstimatedFromASampleWhileTheTotalStaysExact() {
        int records = SearchQuery.EXACT_FACETS_UP_TO * 2;
        List<SearchDocument> many = new java.util.ArrayList<>();
        for (int i = 0; i < records; i++) {
            many.add(SearchDocument.builder("r" + i).text("title", "مكتبة " + i).keyword("type", i % 4 == 0 ? "map" : "book")
                    .keyword("year", i < 100 ? "1990" : "2000").build());
        }
        search.index(BOOKS, many);

        SearchResult broad = search.search(BOOKS, SearchQuery.builder().text("مكتبه").facets("type").build());
        assertThat(broad.total()).isEqualTo(records);
        assertThat(broad.exact()).isTrue();
        assertThat(broad.facetsExact()).isFalse();
        Map<String, Long> types = counts(broad, "type");
        assertThat(types.get("book")).isBetween(records * 3 / 4 * 9 / 10L, records * 3 / 4 * 11 / 10L);
        assertThat(types.get("map")).isBetween(records / 4 * 8 / 10L, records / 4 * 12 / 10L);
        // the same search on the same index gives the same estimate each time
        assertThat(search.search(BOOKS, SearchQuery.builder().text("مكتبه").facets("type").build()).facets()).isEqualTo(broad.facets());

        SearchResult narrow = search.search(BOOKS, SearchQuery.builder().text("مكتبه").filter("year", "1990").facets("type").build());
        assertThat(narrow.facetsExact()).isTrue();
        assertThat(counts(narrow, "type")).isEqualTo(Map.of("book", 75L, "map", 25L));
        assertThat(search.search(BOOKS, SearchQuery.of("مكتبه")).facetsExact()).isTrue();
    }

    @Test
    void aChangeIsFoundByTheNextSearchAndOnlyTheFacetsAskedForAreCounted() {
        index(SearchDocument.builder("r1").text("title", "أرشيف").keyword("type", "book").keyword("year", "2001").build());
        assertThat(find("ارشيف")).containsExactly("r1");
        index(SearchDocument.builder("r2").text("title", "أرشيف").keyword("type", "map").build());
        search.delete(BOOKS, List.of("r1"));

        SearchResult result = search.search(BOOKS, SearchQuery.builder().text("ارشيف").facets("type", "subject").build());
        assertThat(result.ids()).containsExactly("r2");
        assertThat(result.facets()).containsOnlyKeys("type", "subject");
        assertThat(counts(result, "type")).isEqualTo(Map.of("map", 1L));
        assertThat(result.facets().get("subject")).isEmpty();
    }

    private static Map<String, Long> counts(SearchResult result, String facet) {
        return result.facets().get(facet).stream().collect(java.util.stream.Collectors.toMap(FacetCount::value, FacetCount::count));
    }

    @Test
    void indexingAnIdAgainReplacesItAndDeletingRemovesIt() {
        index(SearchDocument.builder("a").text("title", "مسودة أولى").keyword("type", "draft").build());
        index(SearchDocument.builder("a").text("title", "النص النهائي").keyword("type", "final").build());

        assertThat(find("مسودة")).isEmpty();
        assertThat(find("النهائي")).containsExactly("a");
        assertThat(search.search(BOOKS, SearchQuery.builder().facets("type").build()).facets().get("type"))
                .containsExactly(new FacetCount("final", 1));

        search.delete(BOOKS, List.of("a", "never-indexed"));
        assertThat(find("النهائي")).isEmpty();
    }

    @Test
    void anEmptyQueryBrowsesEverythingAndAnEmptyCollectionFindsNothing() {
        index(SearchDocument.builder("a").text("title", "x").build(), SearchDocument.builder("b").text("title", "y").build());

        assertThat(search.search(BOOKS, SearchQuery.of("")).total()).isEqualTo(2);
        SearchResult nothing = search.search("library.authority", SearchQuery.builder().facets("type").build());
        assertThat(nothing.total()).isZero();
        assertThat(nothing.facets()).isEqualTo(Map.of("type", List.of()));
    }

    @Test
    void badNamesAndPagesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> search.search("../etc", SearchQuery.of("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<plugin id>.<record name>");
        assertThatThrownBy(() -> SearchQuery.builder().page(9_990, 20).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("narrow the search");
        assertThatThrownBy(() -> SearchQuery.of("ا".repeat(1001))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchDocument.builder("a").keyword("bad name", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name");
        assertThatThrownBy(() -> SearchQuery.builder().range("year", 2000L, 1990L).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
