package org.diwan.distribution;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.Figures;
import org.diwan.itkit.WebClient;

/**
 * The sync benchmark (bench/sync.sh runs it; the build never does: its name is no test's). On two real nodes
 * it prints records/s from mission to headquarters (durable, 1 KiB records, 100 in flight) next to raw Artemis
 * durable throughput on the same machine in the same run, the catch-up time of records queued while the link was
 * down, and the fault loop's counts. Figures go to target/figures/sync-bench.txt; nothing here fails on a time.
 */
class SyncBench {

    private static final int RAW = Integer.getInteger("bench.raw", 20_000);
    private static final int LIVE = Integer.getInteger("bench.live", 5_000);
    private static final int OFFLINE = Integer.getInteger("bench.offline", 50_000);
    private static final int CYCLES = Integer.getInteger("bench.cycles", 100);
    private static final int IN_FLIGHT = 100;
    /** Records both nodes' JVMs with Flight Recorder during the catch-up, into target/figures/*.jfr. */
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    /**
     * The words of the Arabic seed documents in their order, so with their own frequencies: summaries drawn from
     * them deflate about as real prose does (3.0 times against 3.4 for the documents), where one repeated word
     * would deflate to nothing and flatter the link.
     */
    private static final List<String> WORDS = arabicWords();
    private static final int SUMMARY_CHARS = 340;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void measure() throws Exception {
        try (SyncPair pair = SyncPair.start("sync-bench", Map.of("DIWAN_LINK_RETRY_MS", "200", "DIWAN_LINK_RETRY_MAX_MS", "1000"))) {
            // Each path is measured warm, as on a node that has run for a while: a first round of the same work lets
            // the JIT compile it (the link's TLS runs several times slower before; the cold round is printed too).
            double cold = rawArtemis(pair.hq, RAW / 4);
            double raw = rawArtemis(pair.hq, RAW);
            Figures.write("sync-bench", String.format("raw Artemis durable, 1 KiB, %d in flight: %.0f msg/s (%d messages; %.0f msg/s in the"
                    + " %d of the warm-up)", IN_FLIGHT, raw, RAW, cold, RAW / 4));

            int before = total(pair.hqAdmin);
            long receivedBefore = pair.status(pair.hqAdmin).at("/sync/received").asLong();
            long start = System.nanoTime();
            Made made = create(pair, LIVE, "مباشر");
            awaitReceived(pair, receivedBefore + made.count(), Duration.ofMinutes(10));
            double live = made.count() / seconds(start);
            awaitTotal(pair.hqAdmin, before + made.count(), Duration.ofMinutes(1));
            Figures.write("sync-bench", String.format("live: %d records made on the mission at %.0f/s over HTTP (%s), at headquarters at"
                    + " %.0f records/s end to end (%.0f%% of raw Artemis)", made.count(), made.rate(), made.refused(), live, 100 * live / raw));

            CatchUp warmUp = catchUp(pair, OFFLINE / 5, "تحمية", false);
            Figures.write("sync-bench", String.format("catch-up, first after start (warm-up): %d records in %.1f s, %.0f records/s",
                    warmUp.made().count(), warmUp.seconds(), warmUp.made().count() / warmUp.seconds()));
            CatchUp measured = catchUp(pair, OFFLINE, "منقطع", PROFILE);
            Figures.write("sync-bench", String.format("catch-up: %d records made offline (at %.0f/s, %s), at headquarters %.1f s after the"
                    + " link returned: %.0f records/s (%.0f%% of raw Artemis)", measured.made().count(), measured.made().rate(),
                    measured.made().refused(), measured.seconds(), measured.made().count() / measured.seconds(),
                    100 * measured.made().count() / measured.seconds() / raw));

            SyncFaultIT.FaultLoop.Result fault = new SyncFaultIT.FaultLoop(pair, new Random(7)).run(CYCLES);
            Figures.write("sync-bench", String.format("fault loop: %d cycles %s, %d records acknowledged, mission %d, headquarters %d, lost %d,"
                    + " duplicated %d", fault.cycles(), fault.faults(), fault.acknowledged(), fault.onMission(), fault.atHq(), fault.lost(),
                    fault.duplicated()));
        }
    }

    /** What a catch-up made offline and how long headquarters took to hold it after the link returned. */
    record CatchUp(Made made, double seconds) {
    }

    /** Cuts the link, makes records on the mission until its broker holds them all, restores the link and times the rest. */
    private CatchUp catchUp(SyncPair pair, int count, String label, boolean profile) throws Exception {
        pair.proxy.cut();
        long sentBefore = pair.status(pair.missionAdmin).at("/sync/sent").asLong();
        Made offline = create(pair, count, label);
        awaitQuiet(pair, sentBefore + offline.count());
        int before = total(pair.hqAdmin);
        long receivedBefore = pair.status(pair.hqAdmin).at("/sync/received").asLong();
        if (profile) {
            JvmProbe.startRecording(pair.hq.jvm(), "catch-up");
            JvmProbe.startRecording(pair.mission.jvm(), "catch-up");
        }
        long start = System.nanoTime();
        Thread trace = profile ? traceBacklog(pair) : null;
        pair.proxy.restore();
        awaitReceived(pair, receivedBefore + offline.count(), Duration.ofMinutes(15));
        double took = seconds(start);
        if (trace != null) {
            trace.interrupt();
        }
        if (profile) {
            JvmProbe.stopRecording(pair.hq.jvm(), "catch-up", Figures.file("catch-up-hq.jfr"));
            JvmProbe.stopRecording(pair.mission.jvm(), "catch-up", Figures.file("catch-up-mission.jfr"));
        }
        awaitTotal(pair.hqAdmin, before + offline.count(), Duration.ofMinutes(1));
        return new CatchUp(offline, took);
    }

    /** Durable 1 KiB messages through one queue of the node's broker, sent with {@value #IN_FLIGHT} unconfirmed at most. */
    private static double rawArtemis(DiwanNode node, int count) throws Exception {
        String password = Files.readString(node.data().resolve("artemis/broker-credentials")).strip();
        byte[] body = new byte[1024];
        new Random(1).nextBytes(body);
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + node.brokerPort() + "?useEpoll=false")
                .setConfirmationWindowSize(1024 * 1024).setBlockOnDurableSend(false);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession producing = factory.createSession("diwan", password, false, true, true, false, 0);
                ClientSession consuming = factory.createSession("diwan", password, false, true, true, false, 0)) {
            if (!producing.queueQuery(org.apache.activemq.artemis.api.core.SimpleString.of("bench.raw")).isExists()) {
                producing.createQueue(QueueConfiguration.of("bench.raw").setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
            Semaphore window = new Semaphore(IN_FLIGHT);
            producing.setSendAcknowledgementHandler(message -> window.release());
            CountDownLatch received = new CountDownLatch(count);
            ClientConsumer consumer = consuming.createConsumer("bench.raw");
            consumer.setMessageHandler(message -> {
                try {
                    message.acknowledge();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                received.countDown();
            });
            consuming.start();
            ClientProducer producer = producing.createProducer("bench.raw");
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                window.acquire();
                ClientMessage message = producing.createMessage(true);
                message.getBodyBuffer().writeBytes(body);
                producer.send(message);
            }
            if (!received.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("raw messages not all received");
            }
            return count / seconds(start);
        }
    }

    /**
     * Every half second while profiling: where the backlog sits (the mission's outbound queue, headquarters'
     * inbound queue) and how much headquarters stored, into target/figures/sync-bench-trace.txt.
     */
    private static Thread traceBacklog(SyncPair pair) throws Exception {
        String password = Files.readString(pair.hq.data().resolve("artemis/broker-credentials")).strip();
        Thread thread = new Thread(() -> {
            try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + pair.hq.brokerPort() + "?useEpoll=false");
                    ClientSessionFactory factory = locator.createSessionFactory();
                    ClientSession session = factory.createSession("diwan", password, false, true, true, false, 0)) {
                long start = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    long inbound = session.queueQuery(org.apache.activemq.artemis.api.core.SimpleString.of(
                            org.diwan.api.sync.SyncQueues.INBOUND)).getMessageCount();
                    var mission = pair.status(pair.missionAdmin);
                    var hq = pair.status(pair.hqAdmin);
                    Figures.write("sync-bench-trace", String.format("%5.1f s bundles: mission outbound %d, hq inbound %d; changes hq received %d",
                            seconds(start), mission.at("/link/outbound").asLong(), inbound, hq.at("/sync/received").asLong()));
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                Figures.write("sync-bench-trace", "trace stopped: " + e);
            }
        }, "bench-trace");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** What a load made: records the mission acknowledged, at what rate, and the answers of those it did not. */
    record Made(int count, double rate, Map<String, Integer> refused) {
    }

    /** About 1 KiB of Arabic in UTF-8: {@value #SUMMARY_CHARS} characters of seed words, the same for the same {@code i}. */
    private static String summary(int i) {
        Random random = new Random(i);
        StringBuilder text = new StringBuilder();
        while (text.length() < SUMMARY_CHARS) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }
        return text.substring(0, SUMMARY_CHARS).strip();
    }

    /** The words of the seed documents the library's demonstration data is written with (one copy in the tree). */
    private static List<String> arabicWords() {
        java.nio.file.Path words = java.nio.file.Path.of("..", "plugins", "library", "src", "main", "resources", "demo", "arabic-words.txt");
        try {
            return java.nio.file.Files.readAllLines(words, StandardCharsets.UTF_8).stream().filter(w -> !w.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(words.toAbsolutePath() + " missing", e);
        }
    }

    /** Registers records on the mission over its API, {@value #IN_FLIGHT} requests at a time. */
    private Made create(SyncPair pair, int count, String label) throws Exception {
        WebClient session = SyncPair.login(pair.mission);
        session.get("/diwan/missions/correspondence");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(10)).build();
        String cookie = session.cookieHeader();
        String csrf = session.csrf();
        Semaphore window = new Semaphore(IN_FLIGHT);
        Map<String, Integer> refused = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicInteger made = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            window.acquire();
            String body = json.writeValueAsString(Map.of("mission", pair.missionId, "counterpart", "HEADQUARTERS", "classification", "POLITICAL",
                    "referenceNo", "B/" + label + "/" + i, "documentDate", LocalDate.now().toString(), "subject", label + " " + i,
                    "summary", summary(i), "status", "OPEN"));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pair.mission.httpPort() + SyncPair.LETTERS))
                    .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null) {
                    refused.merge(error.getClass().getSimpleName(), 1, Integer::sum);
                } else if (response.statusCode() != 201) {
                    refused.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                } else {
                    made.incrementAndGet();
                }
                window.release();
                done.countDown();
            });
        }
        done.await(30, TimeUnit.MINUTES);
        return new Made(made.get(), made.get() / seconds(start), refused.isEmpty() ? Map.of("refused", 0) : refused);
    }

    /** Waits until the relay moved everything made offline to the mission's broker. */
    private void awaitQuiet(SyncPair pair, long sent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            var status = pair.status(pair.missionAdmin);
            if (status.at("/sync/outbox").asLong() == 0 && status.at("/sync/sent").asLong() >= sent) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the offline records did not reach the mission's broker");
    }

    private int total(WebClient client) throws Exception {
        return json.readTree(client.get(SyncPair.LETTERS + "?size=1").body()).get("total").asInt();
    }

    /**
     * Waits until headquarters' receiver committed this many changes in all, read from its status (cheap), not
     * from the records' list: a list query every 200 ms competes with the receiver for the CPU and for the
     * table's locks, and would slow what it measures. The caller checks the list once at the end.
     */
    private static void awaitReceived(SyncPair pair, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pair.status(pair.hqAdmin).at("/sync/received").asLong() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("headquarters received " + pair.status(pair.hqAdmin).at("/sync/received") + ", not " + expected);
            }
            Thread.sleep(100);
        }
    }

    private void awaitTotal(WebClient client, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total(client) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("headquarters holds " + total(client) + " records, not " + expected);
            }
            Thread.sleep(200);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
