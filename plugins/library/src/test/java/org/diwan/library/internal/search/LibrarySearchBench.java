package org.diwan.library.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;
import org.diwan.api.search.SearchText;
import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityDraft;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.RecordDraft;
import org.diwan.library.internal.demo.LibraryDemoData;
import org.diwan.search.internal.LuceneSearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexing rate and search latency of the search service on the library's demonstration records (the
 * generator of {@code ./run.sh --demo}, as the catalogue indexes them), next to plain Lucene (one field,
 * Lucene's own Arabic analyzer, no facets) on the same records and queries in the same run. Run by
 * {@code bench/search.sh}; never part of the build (no {@code Test} suffix) and never fails on a figure.
 */
class LibrarySearchBench {

    private static final Logger LOG = LoggerFactory.getLogger(LibrarySearchBench.class);
    private static final String COLLECTION = LibraryCollections.RECORDS;
    private static final int BATCH = 1000;
    private static final int PERSONS = 3000;

    private final int records = Integer.getInteger("bench.records", 1_000_000);
    private final int searchers = Integer.getInteger("bench.searchers", 8);
    private final int queries = Integer.getInteger("bench.queries", 4000);

    /** Longer than any run: the build's default timeout (60 s, from diwan-integration's test jar) would stop it. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.HOURS)
    void indexAndSearch() throws Exception {
        Path work = Files.createTempDirectory("diwan-search-bench");
        figure("%d records, %d searchers, %d queries per kind, %d cores, heap max %d MiB", records, searchers, queries,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<String> asked = queries(queries + 500);

        LuceneSearchService service = new LuceneSearchService(work.resolve("service"));
        service.start();
        try (ArabicAnalyzer arabic = new ArabicAnalyzer();
                FSDirectory rawDirectory = FSDirectory.open(work.resolve("raw"));
                IndexWriter raw = new IndexWriter(rawDirectory, new IndexWriterConfig(arabic))) {
            long serviceNanos = 0;
            long rawNanos = 0;
            LibraryDemoData generator = new LibraryDemoData(2026);
            Map<String, Authority> authorities = new HashMap<>();
            List<String> ids = new ArrayList<>();
            for (AuthorityDraft draft : generator.authorities(PERSONS)) {
                String id = "authority-" + ids.size();
                ids.add(id);
                authorities.put(id, new Authority(id, draft.kind(), draft.name(), draft.variants(), null, List.of(), null, 1, Instant.EPOCH, "bench"));
            }
            for (int from = 0; from < records; from += BATCH) {
                List<SearchDocument> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(records, from + BATCH); i++) {
                    RecordDraft d = generator.record(i, ids, PERSONS);
                    CatalogueRecord record = new CatalogueRecord("record-" + i, d.type(), d.title(), d.symbol(), d.session(), d.issuedOn(),
                            d.year(), d.language(), d.publisher(), d.place(), d.extent(), d.identifier(), d.callNumber(), d.summary(), d.access(),
                            d.parentId(), d.links(), 1, Instant.EPOCH, "bench");
                    batch.add(RecordDocuments.of(record, authorities));
                }
                long t0 = System.nanoTime();
                service.index(COLLECTION, batch);
                long t1 = System.nanoTime();
                for (SearchDocument d : batch) {
                    raw.addDocument(plain(d));
                }
                rawNanos += System.nanoTime() - t1;
                serviceNanos += t1 - t0;
            }
            long t2 = System.nanoTime();
            raw.commit();
            rawNanos += System.nanoTime() - t2;
            // the service makes its changes searchable at the first search after them: that refresh is indexing's time too
            long t3 = System.nanoTime();
            service.search(COLLECTION, SearchQuery.of(asked.get(0)));
            serviceNanos += System.nanoTime() - t3;
            figure("indexing: service %.0f records/s (%.1f s, in batches of %d, searchable from the next search); plain Lucene %.0f records/s"
                    + " (%.1f s); service / plain %.2f", records / (serviceNanos / 1e9), serviceNanos / 1e9, BATCH, records / (rawNanos / 1e9),
                    rawNanos / 1e9, (double) rawNanos / serviceNanos);

            try (DirectoryReader reader = DirectoryReader.open(rawDirectory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // the two word searches take turns in each thread, so that both meet the same load on a shared machine
                Map<String, Function<String, Long>> words = new java.util.LinkedHashMap<>();
                words.put("service, words", q -> service.search(COLLECTION, SearchQuery.of(q)).total());
                words.put("plain Lucene, words", q -> {
                    try {
                        QueryParser parser = new QueryParser("text", arabic);
                        parser.setDefaultOperator(QueryParser.Operator.AND);
                        Query query = parser.parse(QueryParser.escape(q));
                        return (long) searcher.search(query, 20).totalHits.value;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                double[] p99 = measure(asked, words);
                figure("  service / plain Lucene, word search p99: %.2f", p99[0] / p99[1]);
            }
            long[] sampled = new long[1];
            measure(asked, Map.of("service, public catalogue: words + access filter + 3 facets", q -> {
                SearchResult result = service.search(COLLECTION,
                        SearchQuery.builder().text(q).filter("access", "public").facets("type", "language", "subject").build());
                if (!result.facetsExact()) {
                    synchronized (sampled) {
                        sampled[0]++;
                    }
                }
                return result.total();
            }));
            figure("  facet counts estimated from a sample of %d (results of more than %d records) in %.0f %% of these searches; totals exact",
                    SearchQuery.EXACT_FACETS_UP_TO, SearchQuery.EXACT_FACETS_UP_TO, 100.0 * sampled[0] / asked.size());
            // the catalogue page as it is asked: seven facets of fifteen values each (Catalogue.search)
            measure(asked, Map.of("service, catalogue page: words + access filter + 7 facets", q -> service.search(COLLECTION, SearchQuery.builder()
                    .text(q).filter("access", "public").facets("type", "body", "year", "language", "subject", "country", "author").facetLimit(15)
                    .build()).total()));
            service.stop();
            figure("index size: service %d MiB, plain Lucene %d MiB", size(work.resolve("service")) >> 20, size(work.resolve("raw")) >> 20);
        } finally {
            service.stop();
            deleteRecursively(work);
        }
    }

    private List<String> queries(int count) {
        LibraryDemoData generator = new LibraryDemoData(7);
        List<String> asked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            asked.add(generator.query());
        }
        return asked;
    }

    private static Document plain(SearchDocument record) {
        Document doc = new Document();
        doc.add(new StringField("id", record.id(), Field.Store.YES));
        doc.add(new TextField("text", record.texts().stream().map(SearchText::text).collect(Collectors.joining(" ")), Field.Store.NO));
        record.keywords().getOrDefault("access", List.of()).forEach(a -> doc.add(new StringField("access", a, Field.Store.NO)));
        return doc;
    }

    /**
     * Runs the first 500 queries of each kind to warm up, then the rest from {@code searchers} threads, each thread
     * asking every kind in turn for each of its queries; prints p50, p99 and max per kind and returns the p99s in ms.
     */
    private double[] measure(List<String> asked, Map<String, Function<String, Long>> kinds) throws Exception {
        List<Function<String, Long>> searches = new ArrayList<>(kinds.values());
        searches.forEach(search -> asked.subList(0, 500).forEach(search::apply));
        List<String> measured = asked.subList(500, asked.size());
        long[][] nanos = new long[searches.size()][measured.size()];
        long[][] found = new long[searches.size()][searchers];
        ExecutorService pool = Executors.newFixedThreadPool(searchers);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < searchers; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < measured.size(); i += searchers) {
                        for (int k = 0; k < searches.size(); k++) {
                            long t0 = System.nanoTime();
                            found[k][first] += searches.get(k).apply(measured.get(i));
                            nanos[k][i] = System.nanoTime() - t0;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] p99 = new double[searches.size()];
        int k = 0;
        for (String kind : kinds.keySet()) {
            long[] sorted = nanos[k].clone();
            Arrays.sort(sorted);
            p99[k] = sorted[(int) (sorted.length * 0.99)] / 1e6;
            figure("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f hits a query on average", kind, sorted[sorted.length / 2] / 1e6, p99[k],
                    sorted[sorted.length - 1] / 1e6, (double) Arrays.stream(found[k]).sum() / measured.size());
            k++;
        }
        figure("  %d queries%s in %.1f s: %.0f queries/s", measured.size() * kinds.size(), kinds.size() > 1 ? " (taking turns)" : "", seconds,
                measured.size() * kinds.size() / seconds);
        return p99;
    }

    private static void figure(String format, Object... args) {
        String line = String.format(format, args);
        LOG.info("search-bench: {}", line);
        try {
            Path file = Files.createDirectories(Path.of("target", "figures")).resolve("search-bench.txt");
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
