package org.diwan.missions.internal.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.sql.DataSource;

import org.diwan.api.i18n.ArabicText;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.registry.MissionStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored search keys of offices and letters follow the folding: when Diwan folds letters differently
 * ({@link ArabicText#FOLD_VERSION} above the version in {@code search_key_fold}), every key is made again at start,
 * in the background and in batches, and the new version stored last, so that a stop half-way starts again. Until it
 * is done a search may miss what the new folding would find; nothing else waits for it. The keys are local columns:
 * nothing is synced or audited.
 */
@Component(immediate = true)
public final class SearchKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SearchKeys.class);
    private static final int BATCH = 500;

    @Reference(target = "(diwan.schema=missions)")
    private DataSource missions;
    private ExecutorService worker;

    public SearchKeys() {
    }

    /** For tests: nothing runs until {@link #renewIfStale()} is called. */
    SearchKeys(DataSource missions) {
        this.missions = missions;
    }

    @Activate
    void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "diwan-missions-search-keys");
            thread.setDaemon(true);
            return thread;
        });
        worker.execute(this::renewIfStale);
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    void renewIfStale() {
        try {
            int stored = storedVersion();
            if (stored >= ArabicText.FOLD_VERSION) {
                return;
            }
            int offices = renew("SELECT id, version, code, name_ar, name_en, name_fr, city, head_of_mission FROM mission", "mission",
                    rs -> MissionStore.searchKey(text(rs, 3), text(rs, 4), text(rs, 5), text(rs, 6), text(rs, 7), text(rs, 8)));
            int letters = renew("SELECT id, version, reference_no, subject, summary, counterpart_name FROM correspondence", "correspondence",
                    rs -> CorrespondenceStore.searchKey(text(rs, 3), text(rs, 4), text(rs, 5), text(rs, 6)));
            try (Connection c = missions.getConnection();
                    PreparedStatement s = c.prepareStatement("UPDATE search_key_fold SET version = ? WHERE id = 1")) {
                s.setInt(1, ArabicText.FOLD_VERSION);
                s.executeUpdate();
            }
            LOG.info("missions: search keys made again for folding version {} (was {}): {} offices, {} letters", ArabicText.FOLD_VERSION, stored,
                    offices, letters);
        } catch (SQLException | RuntimeException e) {
            LOG.error("missions: search keys not made again for folding version {}; they will be at the next start", ArabicText.FOLD_VERSION, e);
        }
    }

    private int storedVersion() throws SQLException {
        try (Connection c = missions.getConnection(); PreparedStatement s = c.prepareStatement("SELECT version FROM search_key_fold WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 1;
        }
    }

    /**
     * Reads the rows in id order a batch at a time and writes each batch's keys in one transaction, each only if the
     * row is still at the version read: an edit meanwhile has already written its key with the new folding.
     */
    private int renew(String select, String table, Function<ResultSet, String> key) throws SQLException {
        int done = 0;
        String after = "";
        while (!Thread.currentThread().isInterrupted()) {
            Map<String, String> keys = new LinkedHashMap<>();
            Map<String, Integer> versions = new LinkedHashMap<>();
            try (Connection c = missions.getConnection();
                    PreparedStatement s = c.prepareStatement(select + " WHERE id > ? ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")) {
                s.setString(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        keys.put(rs.getString(1), key.apply(rs));
                        versions.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            if (keys.isEmpty()) {
                break;
            }
            Transactions.inTransaction(missions, c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET search_key = ? WHERE id = ? AND version = ?")) {
                    for (Map.Entry<String, String> e : keys.entrySet()) {
                        s.setString(1, e.getValue());
                        s.setString(2, e.getKey());
                        s.setInt(3, versions.get(e.getKey()));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return null;
            });
            done += keys.size();
            after = keys.keySet().stream().reduce((a, b) -> b).orElseThrow();
        }
        return done;
    }

    private static String text(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
