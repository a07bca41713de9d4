package org.diwan.distribution;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.inject.Inject;

import org.apache.karaf.features.BootFinished;
import org.diwan.api.search.CollectionStatus;
import org.diwan.api.search.FacetCount;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;
import org.diwan.api.search.SearchService;
import org.diwan.api.search.SearchSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The search service inside the distribution, where Lucene runs from the bundle's embedded jars (its codecs
 * are found through the bundle's class loader): Arabic variant spellings meet, facets count, a plugin's source
 * fills a new collection, and the index survives a restart of the search bundle without being rebuilt.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SearchIT {

    private static final String COLLECTION = "probe.record";

    @Inject
    @Filter(timeout = 120_000)
    private BootFinished bootFinished;

    @Inject
    @Filter(timeout = 60_000)
    private SearchService search;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(DiwanContainer.options(),
                mavenBundle("org.hamcrest", "hamcrest", "2.1"),
                mavenBundle("org.awaitility", "awaitility", "4.2.2"));
    }

    @Test
    public void findsArabicVariantsCountsFacetsAndRebuildsFromASource() throws Exception {
        search.index("probe.adhoc", List.of(
                SearchDocument.builder("1").text("title", "قرار مجلس الجامعة بشأن المستشفى").keyword("type", "resolution").build(),
                SearchDocument.builder("2").text("title", "مكتبة الجامعة العربيـــة").keyword("type", "book").build(),
                SearchDocument.builder("3").text("title", "Resolutions of the Council", null).keyword("type", "resolution").build()));
        assertEquals(List.of("1"), search.search("probe.adhoc", SearchQuery.of("مستشفي")).ids());
        assertEquals(List.of("2"), search.search("probe.adhoc", SearchQuery.of("مكتبه العربية")).ids());
        SearchResult resolutions = search.search("probe.adhoc", SearchQuery.builder().text("قرارات | resolution").facets("type").build());
        assertEquals(2, resolutions.total());
        assertEquals(List.of(new FacetCount("resolution", 2)), resolutions.facets().get("type"));

        AtomicInteger feeds = new AtomicInteger();
        SearchSource source = new SearchSource() {
            @Override
            public String collection() {
                return COLLECTION;
            }

            @Override
            public void feed(Consumer<SearchDocument> sink) {
                feeds.incrementAndGet();
                for (int i = 0; i < 500; i++) {
                    sink.accept(SearchDocument.builder("r" + i).text("title", "وثيقة رقم " + i).number("year", 1945L + i / 10).build());
                }
            }
        };
        ServiceRegistration<SearchSource> registration = context.registerService(SearchSource.class, source, null);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> status(COLLECTION).documents() == 500);
            assertEquals(1, feeds.get());
            assertEquals(20, search.search(COLLECTION, SearchQuery.builder().text("وثيقه").range("year", 1945L, 1946L).build()).total());

            Bundle searchBundle = bundle("org.diwan.search");
            searchBundle.stop();
            searchBundle.start();
            Path data = Path.of(System.getProperty("karaf.data"), "search", COLLECTION);
            assertTrue("the index lives under data/search", Files.isDirectory(data));
            SearchService again = await().atMost(Duration.ofSeconds(60)).until(this::currentSearch, s -> s != null);
            assertEquals(500, again.search(COLLECTION, SearchQuery.of("")).total());
            assertEquals("a cleanly closed index is not rebuilt", 1, feeds.get());
        } finally {
            registration.unregister();
        }
    }

    private CollectionStatus status(String collection) {
        return search.status().stream().filter(s -> s.collection().equals(collection)).findFirst()
                .orElse(new CollectionStatus(collection, 0, false, false, null, null));
    }

    private SearchService currentSearch() {
        var ref = context.getServiceReference(SearchService.class);
        return ref == null ? null : context.getService(ref);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }
}
