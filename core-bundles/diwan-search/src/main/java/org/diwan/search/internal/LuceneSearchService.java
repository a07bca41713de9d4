package org.diwan.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.diwan.api.search.CollectionStatus;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;
import org.diwan.api.search.SearchService;
import org.diwan.api.search.SearchSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchService} on embedded Lucene: one index per collection under the index folder, opened on first
 * use and kept open. Collections with a {@link SearchSource} are rebuilt, one at a time on a background thread,
 * when their index cannot be trusted (new, crashed, older analysis, a failed write) or an administrator asks.
 */
@Component(service = SearchService.class, configurationPid = "org.diwan.search")
@Designate(ocd = SearchConfig.class)
public final class LuceneSearchService implements SearchService {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneSearchService.class);
    /** {@code <plugin id>.<record name>}: becomes a folder name, so nothing else. */
    private static final Pattern COLLECTION = Pattern.compile("[a-z][a-z0-9-]{0,31}(\\.[a-z][a-z0-9-]{0,31}){1,3}");

    private final Path folder;
    private final Analysis analysis = new Analysis();
    private final Queries queries = new Queries(analysis);
    private final Map<String, IndexedCollection> open = new ConcurrentHashMap<>();
    private final Map<String, SearchSource> sources = new ConcurrentHashMap<>();
    /** First wait before a failed rebuild is tried again; doubled each time, up to {@link #LAST_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "diwan-search-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration firstRetry;
    private volatile boolean active;
    private volatile boolean stopped;

    @Activate
    public LuceneSearchService(BundleContext context, SearchConfig config) {
        this(folderOf(config.folder(), context.getProperty("karaf.data")));
    }

    /** Outside OSGi: plugins' tests search with the real service on a folder of their own. */
    public LuceneSearchService(Path folder) {
        this(folder, FIRST_RETRY);
    }

    LuceneSearchService(Path folder, Duration firstRetry) {
        this.folder = folder;
        this.firstRetry = firstRetry;
        LOG.info("search indexes in {}", folder);
    }

    static Path folderOf(String configured, String karafData) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.strip()).toAbsolutePath();
        }
        if (karafData == null || karafData.isBlank()) {
            throw new IllegalStateException("no index folder configured and karaf.data is not set");
        }
        return Path.of(karafData, "search").toAbsolutePath();
    }

    /** Called once the sources present at start are bound: rebuilds those whose index cannot be trusted. */
    @Activate
    public void start() {
        active = true;
        sources.keySet().forEach(this::rebuildIfUntrusted);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSource(SearchSource source) {
        String name = checkName(source.collection());
        SearchSource previous = sources.putIfAbsent(name, source);
        if (previous != null) {
            LOG.error("search: two sources for collection {}; the second ({}) is ignored", name, source.getClass().getName());
            return;
        }
        if (active) {
            rebuildIfUntrusted(name);
        }
    }

    public void removeSource(SearchSource source) {
        sources.remove(source.collection(), source);
    }

    @Deactivate
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        active = false;
        stopped = true;
        rebuilds.shutdownNow();
        for (IndexedCollection collection : open.values()) {
            try {
                collection.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("search: index {} not closed cleanly ({}); it will be rebuilt", collection.name(), e.toString());
            }
        }
        open.clear();
        try {
            rebuilds.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        analysis.close();
    }

    @Override
    public void index(String collection, Collection<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        IndexedCollection index = collection(collection);
        try {
            index.index(documents);
        } catch (IOException | RuntimeException e) {
            writeFailed(index, e);
        }
    }

    @Override
    public void delete(String collection, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        IndexedCollection index = collection(collection);
        try {
            index.delete(ids);
        } catch (IOException | RuntimeException e) {
            writeFailed(index, e);
        }
    }

    /** The plugin's change is in its database already: it stands, and the index is rebuilt to catch up. */
    private void writeFailed(IndexedCollection index, Exception e) {
        LOG.error("search: index {} missed a change ({}); rebuilding it from its source", index.name(), e.toString());
        rebuild(index.name());
    }

    @Override
    public SearchResult search(String collection, SearchQuery query) {
        try {
            return collection(collection).search(queries, query);
        } catch (IOException e) {
            throw new UncheckedIOException("search in " + collection + " failed", e);
        }
    }

    @Override
    public boolean rebuild(String collection) {
        String name = checkName(collection);
        if (!sources.containsKey(name)) {
            return false;
        }
        rebuilds.execute(() -> rebuildNow(name, firstRetry));
        return true;
    }

    private void rebuildIfUntrusted(String name) {
        if (!collection(name).trusted()) {
            LOG.info("search: index {} is new, was not closed cleanly or was built by an older analysis: rebuilding it", name);
            rebuild(name);
        }
    }

    /**
     * Rebuilds now; when the source fails (its database down, say), tries again later: until a rebuild
     * succeeds the index may hold part of the records, and the status says so.
     */
    private void rebuildNow(String name, Duration retryIn) {
        SearchSource source = sources.get(name);
        if (source == null || !active) {
            return;
        }
        long started = System.nanoTime();
        try {
            long documents = collection(name).rebuild(source);
            LOG.info("search: index {} rebuilt, {} records in {} ms", name, documents, (System.nanoTime() - started) / 1_000_000);
        } catch (java.util.concurrent.CancellationException stopping) {
            LOG.info("search: rebuild of {} stopped with the service; it starts again at the next start", name);
        } catch (Exception e) {
            LOG.error("search: index {} could not be rebuilt; trying again in {} s", name, retryIn.toSeconds(), e);
            if (active) {
                Duration next = retryIn.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retryIn.multipliedBy(2);
                rebuilds.schedule(() -> rebuildNow(name, next), retryIn.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public List<CollectionStatus> status() {
        List<CollectionStatus> all = new ArrayList<>();
        for (String name : new TreeSet<>(union())) {
            try {
                all.add(collection(name).status(sources.containsKey(name)));
            } catch (IOException | RuntimeException e) {
                all.add(new CollectionStatus(name, 0, false, sources.containsKey(name), null, e.toString()));
            }
        }
        return all;
    }

    private Collection<String> union() {
        List<String> names = new ArrayList<>(open.keySet());
        names.addAll(sources.keySet());
        return names;
    }

    private IndexedCollection collection(String collection) {
        String name = checkName(collection);
        if (stopped) {
            throw new IllegalStateException("search service stopped");
        }
        return open.computeIfAbsent(name, n -> {
            try {
                return IndexedCollection.open(n, folder.resolve(n), analysis);
            } catch (IOException e) {
                throw new UncheckedIOException("search index " + n + " cannot be opened in " + folder, e);
            }
        });
    }

    private static String checkName(String collection) {
        if (collection == null || !COLLECTION.matcher(collection).matches()) {
            throw new IllegalArgumentException("Search collection '" + collection + "': <plugin id>.<record name>, lower case");
        }
        return collection;
    }
}
