package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.Figures;
import org.diwan.itkit.WebClient;

/**
 * Exactly-once under faults: the mission registers correspondence continuously while the test, at random
 * moments, kills ({@code kill -9}) the mission or headquarters, cuts the link or stalls it. At the end both
 * sides hold the same records (ids and content hashes), every record the mission acknowledged is among them,
 * and none is there twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncFaultIT {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncFaultIT.class);
    /**
     * Twelve random faults (each kill -9 costs a boot of about twenty seconds on a busy machine) prove the property on
     * every build; {@code bench/sync.sh} runs the same loop for a hundred ({@code -Ddiwan.sync.faultCycles=N} here).
     */
    static final int CYCLES = Integer.getInteger("diwan.sync.faultCycles", 12);

    private SyncPair pair;

    @BeforeAll
    void start() throws Exception {
        pair = SyncPair.start("sync-fault", Map.of("DIWAN_LINK_RETRY_MS", "200", "DIWAN_LINK_RETRY_MAX_MS", "2000"));
    }

    @AfterAll
    void stop() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void nothingIsLostOrDuplicatedWhateverTheNodesAndTheLinkDo() throws Exception {
        FaultLoop.Result result = new FaultLoop(pair, new Random(2026)).run(CYCLES);
        Figures.write("sync-fault", String.format("cycles %d %s, records acknowledged %d, on the mission %d, at headquarters %d,"
                + " lost %d, duplicated %d", result.cycles(), result.faults(), result.acknowledged(), result.onMission(), result.atHq(),
                result.lost(), result.duplicated()));
        assertThat(result.lost()).isZero();
        assertThat(result.duplicated()).isZero();
        assertThat(result.acknowledged()).as("records were made while the faults happened").isGreaterThan(CYCLES);
    }

    /** The loop itself, shared with bench/ (which runs it for 100 cycles and more). */
    static final class FaultLoop {

        record Result(int cycles, Map<String, Integer> faults, long acknowledged, int onMission, int atHq, long lost, long duplicated) {
        }

        private final SyncPair pair;
        private final Random random;
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final AtomicLong attempts = new AtomicLong();

        FaultLoop(SyncPair pair, Random random) {
            this.pair = pair;
            this.random = random;
        }

        Result run(int cycles) throws Exception {
            Thread writer = new Thread(this::write, "sync-fault-writer");
            writer.start();
            Map<String, Integer> faults = new java.util.TreeMap<>();
            try {
                for (int cycle = 1; cycle <= cycles; cycle++) {
                    Thread.sleep(300 + random.nextInt(1500));
                    String fault = switch (random.nextInt(4)) {
                        case 0 -> killAndRestart(pair.mission, "kill -9 mission");
                        case 1 -> killAndRestart(pair.hq, "kill -9 hq");
                        case 2 -> {
                            pair.proxy.cut();
                            Thread.sleep(500 + random.nextInt(2500));
                            pair.proxy.restore();
                            yield "link cut";
                        }
                        default -> {
                            pair.proxy.stall();
                            Thread.sleep(500 + random.nextInt(2500));
                            pair.proxy.restore();
                            yield "link stalled";
                        }
                    };
                    faults.merge(fault, 1, Integer::sum);
                    Figures.write("sync-fault-cycles", String.format("cycle %d/%d: %s (%d records so far)", cycle, cycles, fault,
                            acknowledged.size()));
                }
            } finally {
                writing.set(false);
                writer.join(60_000);
                pair.proxy.restore();
            }
            pair.relogin();
            Map<String, String>[] sides = converge();
            Map<String, String> onMission = sides[0] == null ? Map.of() : sides[0];
            Map<String, String> atHq = sides[1] == null ? Map.of() : sides[1];
            long lost = acknowledged.stream().filter(id -> !onMission.containsKey(id) || !atHq.containsKey(id)).count()
                    + onMission.keySet().stream().filter(id -> !atHq.containsKey(id)).count();
            long differing = onMission.entrySet().stream().filter(e -> atHq.containsKey(e.getKey()) && !atHq.get(e.getKey()).equals(e.getValue()))
                    .count();
            // ids are unique within each list (the inventory checks it), so a duplicate shows as a record HQ holds
            // that the mission never made, or as a count mismatch
            long duplicated = atHq.keySet().stream().filter(id -> !onMission.containsKey(id)).count() + differing;
            return new Result(cycles, faults, acknowledged.size(), onMission.size(), atHq.size(), lost, duplicated);
        }

        @SuppressWarnings("unchecked")
        private Map<String, String>[] converge() throws Exception {
            Map<String, String>[] sides = new Map[2];
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                    sides[0] = pair.inventory(pair.missionAdmin);
                    sides[1] = pair.inventory(pair.hqAdmin);
                    return sides[0].equals(sides[1]) && sides[0].keySet().containsAll(acknowledged);
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                LOG.error("the two sides did not converge: mission {}, hq {}; mission sync {}, hq sync {}", sides[0] == null ? -1 : sides[0].size(),
                        sides[1] == null ? -1 : sides[1].size(), pair.status(pair.missionAdmin), pair.status(pair.hqAdmin));
            }
            return sides;
        }

        private String killAndRestart(DiwanNode node, String what) throws Exception {
            node.kill();
            Thread.sleep(random.nextInt(2000));
            node.restart();
            return what;
        }

        /** Registers records on the mission as fast as it answers, logging in again whenever the mission restarted. */
        private void write() {
            WebClient client = null;
            int n = 0;
            while (writing.get()) {
                try {
                    if (client == null) {
                        client = SyncPair.login(pair.mission);
                        client.get("/diwan/missions/correspondence");
                    }
                    attempts.incrementAndGet();
                    String id = pair.createOnMission(client, "سجل " + (n++));
                    if (id != null) {
                        acknowledged.add(id);
                    } else {
                        client = null;
                    }
                } catch (Exception e) {
                    client = null;
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
