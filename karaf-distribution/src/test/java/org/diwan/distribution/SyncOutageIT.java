package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.diwan.itkit.Figures;

/**
 * A long outage, simulated by a short retry interval: the link stays down while the mission tries to
 * reconnect thousands of times. Its heap (after a full GC) and thread count stay flat (Artemis once leaked a
 * session factory per reconnect attempt, ARTEMIS-5017), and when the link returns, what was made during
 * the outage arrives once (Artemis once duplicated after a reconnect, ARTEMIS-3384).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncOutageIT {

    /**
     * How long the link stays down after the first measurement; each second is ten to twenty reconnect attempts (3,093 in
     * 150 s measured), so the default ninety seconds make about 1,800, enough for a leak per attempt to show in threads or heap
     * ({@code -Ddiwan.sync.outageSeconds=3600} for a long soak).
     */
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("diwan.sync.outageSeconds", 90));

    private SyncPair pair;

    @BeforeAll
    void start() throws Exception {
        pair = SyncPair.start("sync-outage", Map.of("DIWAN_LINK_RETRY_MS", "100", "DIWAN_LINK_RETRY_MAX_MS", "100"));
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void manyReconnectAttemptsLeakNothingAndDuplicateNothing() throws Exception {
        pair.missionAdmin.get("/diwan/missions/correspondence");
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = pair.createOnMission(pair.missionAdmin, "قبل الانقطاع " + i);
            assertThat(id).isNotNull();
            before.add(id);
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> pair.inventory(pair.hqAdmin).keySet().containsAll(before));

        pair.proxy.cut();
        ProcessHandle jvm = pair.mission.jvm();
        // settle: the first failures create what every later attempt reuses
        Thread.sleep(20_000);
        long attemptsAtStart = pair.proxy.accepted();
        int threadsAtStart = JvmProbe.threads(jvm);
        long heapAtStart = JvmProbe.heapAfterGcKb(jvm);

        List<String> during = new ArrayList<>();
        long end = System.nanoTime() + OUTAGE.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            String id = pair.createOnMission(pair.missionAdmin, "أثناء الانقطاع " + i++);
            assertThat(id).as("the mission works through the outage").isNotNull();
            during.add(id);
            Thread.sleep(1000);
        }
        long attempts = pair.proxy.accepted() - attemptsAtStart;
        int threadsAtEnd = JvmProbe.threads(jvm);
        long heapAtEnd = JvmProbe.heapAfterGcKb(jvm);
        Figures.write("sync-outage", String.format("%d reconnect attempts in %d s; threads %d -> %d; heap after GC %d -> %d KiB;"
                + " %d records made offline", attempts, OUTAGE.toSeconds(), threadsAtStart, threadsAtEnd, heapAtStart, heapAtEnd,
                during.size()));

        assertThat(attempts).as("the mission kept trying").isGreaterThan(OUTAGE.toSeconds() * 3);
        assertThat(threadsAtEnd).as("threads").isLessThanOrEqualTo(threadsAtStart + 10);
        assertThat(heapAtEnd).as("heap after GC, KiB").isLessThan(heapAtStart + 24 * 1024);
        assertThat(pair.status(pair.missionAdmin).at("/link/connected").asBoolean()).isFalse();

        pair.proxy.restore();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> pair.inventory(pair.hqAdmin).keySet().containsAll(during));
        Map<String, String> atHq = pair.inventory(pair.hqAdmin);
        assertThat(atHq).isEqualTo(pair.inventory(pair.missionAdmin));
        assertThat(atHq).hasSize(before.size() + during.size());
    }
}
