package org.diwan.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.diwan.api.search.CollectionStatus;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebuildTest {

    private static final String BOOKS = "library.record";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path folder;
    private LuceneSearchService search;

    /** The plugin's database: what a rebuild reads. */
    private final Map<String, String> database = new ConcurrentHashMap<>();
    private final AtomicInteger feeds = new AtomicInteger();

    private final SearchSource source = new SearchSource() {
        @Override
        public String collection() {
            return BOOKS;
        }

        @Override
        public void feed(Consumer<SearchDocument> sink) {
            feeds.incrementAndGet();
            database.forEach((id, title) -> sink.accept(document(id, title)));
        }
    };

    @AfterEach
    void stop() {
        if (search != null) {
            search.stop();
        }
    }

    private static SearchDocument document(String id, String title) {
        return SearchDocument.builder(id).text("title", title).build();
    }

    private LuceneSearchService started(SearchSource... sources) {
        search = new LuceneSearchService(folder);
        for (SearchSource s : sources) {
            search.addSource(s);
        }
        search.start();
        return search;
    }

    private CollectionStatus status() {
        return search.status().stream().filter(s -> s.collection().equals(BOOKS)).findFirst().orElseThrow();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aNewIndexIsFilledFromItsSource() throws Exception {
        database.put("a", "مكتبة الجامعة");
        database.put("b", "أرشيف القمة");

        started(source);

        await(() -> status().lastRebuilt() != null);
        assertThat(status().documents()).isEqualTo(2);
        assertThat(search.search(BOOKS, SearchQuery.of("مكتبه")).ids()).containsExactly("a");
    }

    @Test
    void aCleanlyClosedIndexIsTrustedAndNotRebuilt() throws Exception {
        database.put("a", "مكتبة");
        started(source);
        await(() -> status().lastRebuilt() != null);
        search.stop();
        feeds.set(0);

        started(source);

        assertThat(status().documents()).isEqualTo(1);
        assertThat(feeds).hasValue(0);
        assertThat(status().hasSource()).isTrue();
    }

    @Test
    void anIndexNotClosedCleanlyIsRebuiltAndForgetsWhatTheDatabaseNoLongerHas() throws Exception {
        database.put("a", "مكتبة");
        started(source);
        await(() -> status().lastRebuilt() != null);
        search.index(BOOKS, List.of(document("gone", "سجل حذف من قاعدة البيانات")));
        search.stop();
        Files.delete(folder.resolve(BOOKS).resolve(IndexedCollection.CLEAN_MARK)); // as a kill -9 leaves it

        started(source);

        await(() -> status().lastRebuilt() != null);
        assertThat(search.search(BOOKS, SearchQuery.of("")).ids()).containsExactly("a");
    }

    @Test
    void anIndexBuiltByAnotherAnalysisIsRebuilt() throws Exception {
        database.put("a", "مكتبة");
        started(source);
        await(() -> status().lastRebuilt() != null);
        search.stop();
        Files.writeString(folder.resolve(BOOKS).resolve(IndexedCollection.CLEAN_MARK), "analysis=0");
        feeds.set(0);

        started(source);

        await(() -> feeds.get() == 1 && status().lastRebuilt() != null);
        assertThat(status().documents()).isEqualTo(1);
    }

    @Test
    void aChangeMadeDuringARebuildWaitsAndWins() throws Exception {
        database.put("a", "النص القديم");
        CountDownLatch fed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SearchSource slow = new SearchSource() {
            @Override
            public String collection() {
                return BOOKS;
            }

            @Override
            public void feed(Consumer<SearchDocument> sink) throws InterruptedException {
                sink.accept(document("a", database.get("a"))); // read before the edit commits
                fed.countDown();
                release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        };
        started(slow);
        assertThat(fed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        Thread editor = new Thread(() -> search.index(BOOKS, List.of(document("a", "النص الجديد"))));
        editor.start();
        await(() -> editor.getState() == Thread.State.WAITING || editor.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        editor.join(PATIENCE.toMillis());

        assertThat(search.search(BOOKS, SearchQuery.of("الجديد")).ids()).containsExactly("a");
        assertThat(search.search(BOOKS, SearchQuery.of("القديم")).ids()).isEmpty();
    }

    @Test
    void stoppingDuringARebuildCancelsItAndTheNextStartRebuildsAgain() throws Exception {
        CountDownLatch feeding = new CountDownLatch(1);
        SearchSource endless = new SearchSource() {
            @Override
            public String collection() {
                return BOOKS;
            }

            @Override
            public void feed(Consumer<SearchDocument> sink) {
                for (long i = 0; ; i++) {
                    sink.accept(document("r" + i, "سجل"));
                    feeding.countDown();
                }
            }
        };
        started(endless);
        assertThat(feeding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        search.stop();
        search = null;

        assertThat(folder.resolve(BOOKS).resolve(IndexedCollection.CLEAN_MARK)).doesNotExist();
        database.put("a", "مكتبة");
        started(source);
        await(() -> status().lastRebuilt() != null);
        assertThat(search.search(BOOKS, SearchQuery.of("")).ids()).containsExactly("a");
    }

    @Test
    void aRebuildThatFailsIsTriedAgainUntilItSucceeds() throws Exception {
        database.put("a", "مكتبة");
        AtomicInteger attempts = new AtomicInteger();
        SearchSource flaky = new SearchSource() {
            @Override
            public String collection() {
                return BOOKS;
            }

            @Override
            public void feed(Consumer<SearchDocument> sink) throws java.sql.SQLException {
                if (attempts.incrementAndGet() < 3) {
                    throw new java.sql.SQLException("database not reachable");
                }
                database.forEach((id, title) -> sink.accept(document(id, title)));
            }
        };
        search = new LuceneSearchService(folder, Duration.ofMillis(50));
        search.addSource(flaky);
        search.start();

        await(() -> status().lastRebuilt() != null);
        assertThat(attempts).hasValue(3);
        assertThat(status().lastError()).isNull();
        assertThat(search.search(BOOKS, SearchQuery.of("مكتبه")).ids()).containsExactly("a");
    }

    @Test
    void aCollectionWithoutSourceCannotBeRebuilt() {
        started();
        search.index(BOOKS, List.of(document("a", "x")));

        assertThat(search.rebuild(BOOKS)).isFalse();
        assertThat(status().hasSource()).isFalse();
        assertThat(status().documents()).isEqualTo(1);
    }
}
