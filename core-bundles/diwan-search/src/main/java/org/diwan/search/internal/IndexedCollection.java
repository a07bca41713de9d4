package org.diwan.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.diwan.api.search.CollectionStatus;
import org.diwan.api.search.SearchDocument;
import org.diwan.api.search.SearchQuery;
import org.diwan.api.search.SearchResult;
import org.diwan.api.search.SearchSource;

/**
 * One collection's Lucene index in its own folder: a writer, near-real-time searchers refreshed by the first
 * search after a change (a search right after a save sees it; a run of changes with no search between them, an
 * import, costs no refresh each: a refresh per batch made a tiny segment each, and merging them was most of
 * indexing's time), and a mark of trust.
 *
 * <p>The index is not committed after each change: the database is the record, and an index that was not
 * closed cleanly is rebuilt from it. The mark is a file written after the last commit of a clean close, with
 * the analysis version; it is removed on opening, so a crash leaves none. A collection opened without a
 * matching mark is {@linkplain #trusted() not trusted} until rebuilt.
 */
final class IndexedCollection implements Closeable {

    static final String CLEAN_MARK = "closed-cleanly";

    private final String name;
    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analysis;
    /** Bumped after every change; {@link #refreshed} is the value the current searchers were opened after. */
    private final AtomicLong changes = new AtomicLong();
    private volatile long refreshed;
    /** Changes hold it shared; a rebuild holds it alone, so that no change lands between its delete and its feed. */
    private final ReadWriteLock rebuildLock = new ReentrantReadWriteLock();
    private volatile boolean trusted;
    private volatile boolean rebuilding;
    private volatile boolean closing;
    private volatile Instant lastRebuilt;
    private volatile String lastError;

    private IndexedCollection(String name, Path folder, Directory directory, IndexWriter writer, Analyzer analysis, boolean trusted)
            throws IOException {
        this.name = name;
        this.analysis = analysis;
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, CollectionSearcher.FACTORY);
        this.trusted = trusted;
    }

    static IndexedCollection open(String name, Path folder, Analyzer analysis) throws IOException {
        Files.createDirectories(folder);
        Path mark = folder.resolve(CLEAN_MARK);
        boolean trusted = Files.exists(mark) && Files.readString(mark, StandardCharsets.UTF_8).strip().equals(markText());
        Files.deleteIfExists(mark);
        Directory directory = FSDirectory.open(folder);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analysis).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            return new IndexedCollection(name, folder, directory, new IndexWriter(directory, config), analysis, trusted);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The analysis chain's version, the fields' and the folding's: an index made by another of any is rebuilt. */
    private static String markText() {
        return "analysis=" + Analysis.VERSION + ",fields=" + Fields.VERSION + ",fold=" + org.diwan.api.i18n.ArabicText.FOLD_VERSION;
    }

    String name() {
        return name;
    }

    /** Whether the index is known to hold what the database held at the last clean close or rebuild. */
    boolean trusted() {
        return trusted;
    }

    void index(Collection<SearchDocument> documents) throws IOException {
        rebuildLock.readLock().lock();
        try {
            for (SearchDocument document : documents) {
                writer.updateDocument(new Term(Fields.ID, document.id()), Fields.toLucene(document, analysis));
            }
            changes.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failed(e);
            throw e;
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    void delete(Collection<String> ids) throws IOException {
        rebuildLock.readLock().lock();
        try {
            Term[] terms = ids.stream().map(id -> new Term(Fields.ID, id)).toArray(Term[]::new);
            writer.deleteDocuments(terms);
            changes.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failed(e);
            throw e;
        } finally {
            rebuildLock.readLock().unlock();
        }
    }

    /**
     * Opens searchers that see every change made before this call, if the current ones do not. Never while a
     * rebuild runs: its searchers would see the index half fed (the rebuild refreshed before it began, so every
     * change before it is seen).
     */
    private void refreshIfChanged() throws IOException {
        long now = changes.get();
        if (now != refreshed && rebuildLock.readLock().tryLock()) {
            try {
                // concurrent searches wait here for one refresh (SearcherManager refreshes one at a time)
                searchers.maybeRefreshBlocking();
                refreshed = now;
            } finally {
                rebuildLock.readLock().unlock();
            }
        }
    }

    SearchResult search(Queries queries, SearchQuery query) throws IOException {
        refreshIfChanged();
        CollectionSearcher searcher = (CollectionSearcher) searchers.acquire();
        try {
            return CollectionSearch.run(searcher, queries.toLucene(query), query);
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Replaces the whole index with what the source holds, then commits. Searches see the previous view until it
     * is done; changes wait for it.
     *
     * @return how many documents the source gave
     */
    long rebuild(SearchSource source) throws Exception {
        rebuildLock.writeLock().lock();
        rebuilding = true;
        trusted = false;
        try {
            // searches see the changes made before the rebuild while it runs, and no refresh until it is done
            searchers.maybeRefreshBlocking();
            refreshed = changes.get();
            writer.deleteAll();
            long[] fed = {0};
            List<Exception> failure = new ArrayList<>(1);
            source.feed(document -> {
                if (closing) {
                    // stops the source's loop: the service is going away
                    throw new CancellationException("search index " + name + " is closing");
                }
                if (!failure.isEmpty()) {
                    return;
                }
                try {
                    writer.updateDocument(new Term(Fields.ID, document.id()), Fields.toLucene(document, analysis));
                    fed[0]++;
                } catch (IOException | RuntimeException e) {
                    failure.add(e);
                }
            });
            if (!failure.isEmpty()) {
                throw failure.get(0);
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            trusted = true;
            lastRebuilt = Instant.now();
            lastError = null;
            return fed[0];
        } catch (Exception e) {
            failed(e);
            throw e;
        } finally {
            rebuilding = false;
            rebuildLock.writeLock().unlock();
        }
    }

    private void failed(Exception e) {
        trusted = false;
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    CollectionStatus status(boolean hasSource) throws IOException {
        refreshIfChanged();
        CollectionSearcher searcher = (CollectionSearcher) searchers.acquire();
        try {
            return new CollectionStatus(name, searcher.getIndexReader().numDocs(), rebuilding, hasSource, lastRebuilt, lastError);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Commits and closes; marks the index clean only if it was trusted and the commit went through. */
    @Override
    public void close() throws IOException {
        closing = true;
        rebuildLock.writeLock().lock();
        try {
            searchers.close();
            boolean clean = trusted;
            writer.close(); // commits
            if (clean) {
                Files.writeString(folder.resolve(CLEAN_MARK), markText(), StandardCharsets.UTF_8);
            }
        } finally {
            directory.close();
            rebuildLock.writeLock().unlock();
        }
    }
}
