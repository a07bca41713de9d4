package org.diwan.distribution;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Diwan node started from the built archive as a separate process, the way an administrator
 * starts it ({@code bin/diwan run}), on free ports and its own data folder.
 */
final class DiwanNode implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DiwanNode.class);

    private final Path home;
    private final Path data;
    private int httpPort = freePort();
    private int sshPort = freePort();
    private int httpsPort = freePort();
    private int brokerPort = freePort();
    /**
     * JVM options of every node and Pax Exam container a test starts ({@code -Dit.nodeJvmOptions}, see the pom), ahead of
     * a test's own {@code EXTRA_JAVA_OPTS}; bin/setenv's defaults (heap, GC), which the tests check, stay as shipped.
     */
    static String testJvmOptions() {
        return System.getProperty("diwan.it.nodeJvmOptions", "").trim();
    }

    private final Map<String, String> extraEnv = new java.util.HashMap<>();
    private Process process;
    private long startedAt;

    private DiwanNode(Path home, Path data) {
        this.home = home;
        this.data = data;
    }

    /** Unpacks the archive named by the {@code diwan.archive} system property into a fresh folder. */
    static DiwanNode unpack(String name) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("diwan.archive"));
        Path target = Path.of("target", "nodes", name).toAbsolutePath();
        deleteTree(target);
        Files.createDirectories(target);
        run(new ProcessBuilder("tar", "xzf", archive.toString(), "-C", target.toString()));
        Path home;
        try (var entries = Files.list(target)) {
            home = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        return new DiwanNode(home, target.resolve("data"));
    }

    /** Sets an environment variable for the node's process; call before {@link #start()}. */
    DiwanNode withEnv(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Adds a feature to the boot features, as {@code run.sh --demo} does; call before {@link #start()}. */
    DiwanNode bootWith(String feature) throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg);
        Files.writeString(cfg, text.replaceFirst("(?m)^(featuresBoot = \\\\)$", "$1\n    " + feature + ", \\\\"));
        return this;
    }

    DiwanNode start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/diwan").toString(), "run")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("DIWAN_HTTP_PORT", Integer.toString(httpPort));
        env.put("DIWAN_SSH_PORT", Integer.toString(sshPort));
        env.put("DIWAN_HTTPS_PORT", Integer.toString(httpsPort));
        env.put("DIWAN_BROKER_PORT", Integer.toString(brokerPort));
        env.put("DIWAN_DATA", data.toString());
        env.remove("DIWAN_HEAP"); // the tests check bin/setenv's own cap, whatever the shell running them exports
        env.putAll(extraEnv);
        env.put("EXTRA_JAVA_OPTS", (testJvmOptions() + " " + env.getOrDefault("EXTRA_JAVA_OPTS", "")).trim());
        startedAt = System.nanoTime();
        process = builder.start();
        return this;
    }

    /**
     * Waits until Jetty answers and the node's log is being written. A boot that does neither within the
     * time allowed is reported with the tails of its console and log, and tried once more from a fresh data
     * folder, so that one slow or broken boot on a loaded machine is told apart from a node that cannot boot.
     */
    DiwanNode awaitHttp() throws IOException, InterruptedException {
        try {
            awaitBoot();
        } catch (org.awaitility.core.ConditionTimeoutException | IllegalStateException failed) {
            LOG.warn("Node {} did not boot ({}); console:\n{}\nlog:\n{}\nbooting it again",
                    home, failed.getMessage(), tail(home.resolve("console.log"), 40), tail(data.resolve("log/karaf.log"), 60));
            close();
            deleteTree(data);
            // new ports too: a port another process took between our pick and the node's bind fails it again
            httpPort = freePort();
            sshPort = freePort();
            httpsPort = freePort();
            brokerPort = freePort();
            start();
            awaitBoot();
        }
        return this;
    }

    /**
     * Starts the node again on its own data folder (after {@link #kill()} or {@link #close()}) and waits for
     * it, without the fresh-folder retry of {@link #awaitHttp()}: the data is what the test is about.
     */
    DiwanNode restart() throws IOException {
        start();
        awaitBoot();
        return this;
    }

    /** {@code kill -9} of the node's JVM: no shutdown hook, no flush, as a power cut. */
    void kill() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessHandle jvm = jvm();
        jvm.destroyForcibly();
        jvm.onExit().join();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private void awaitBoot() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("node exited with " + process.exitValue() + ": see " + home.resolve("console.log"));
                    }
                    return httpStatus("/") > 0;
                });
        await().atMost(Duration.ofSeconds(30)).until(() -> log().contains(" | INFO  | "));
        // what the suite spends on boots, for the CI time (test.sh sums them)
        Figures.write("boots", String.format(java.util.Locale.ROOT, "%.1f s %s", (System.nanoTime() - startedAt) / 1e9,
                home.getParent().getFileName()));
    }

    private static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file + ")";
            }
            java.util.List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable " + file + ": " + e + ")";
        }
    }

    int httpStatus(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + path).toURL().openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    /** The JVM of the node: {@code bin/diwan} hands over to {@code bin/karaf}, which starts java. */
    ProcessHandle jvm() {
        ProcessHandle root = process.toHandle();
        if (isJava(root)) {
            return root;
        }
        return root.descendants().filter(DiwanNode::isJava).findFirst()
                .orElseThrow(() -> new IllegalStateException("no java process under " + root.pid()));
    }

    /**
     * {@code info().command()} can come back empty on a loaded machine (the JDK reads {@code /proc} and gives up
     * on a partial answer): the link {@code /proc/<pid>/exe} is asked too.
     */
    private static boolean isJava(ProcessHandle handle) {
        Optional<String> command = handle.info().command().or(() -> {
            try {
                return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(handle.pid()), "exe")).toString());
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        });
        return command.map(c -> c.endsWith("/java")).orElse(false);
    }

    String log() throws IOException {
        Path log = data.resolve("log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    Path home() {
        return home;
    }

    Path data() {
        return data;
    }

    int httpPort() {
        return httpPort;
    }

    int sshPort() {
        return sshPort;
    }

    int httpsPort() {
        return httpsPort;
    }

    int brokerPort() {
        return brokerPort;
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessHandle jvm = jvm();
        jvm.destroy();
        process.destroy();
        if (!jvm.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).thenApply(h -> h != null).join()) {
            jvm.destroyForcibly();
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Ports handed out in this test JVM: a port picked free but not bound yet is free again for the next pick, and a
     * node once got the same port for its broker and its SSH console.
     */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Pax Exam takes its RMI ports from 21000 up: the nodes' ranges start above. */
    private static final int FIRST_PORT = 22_000;
    private static final int LAST_PORT = 32_000;

    /**
     * A port free now, below the kernel's ephemeral range (32768 and up), where any outgoing connection (the sync
     * tests make thousands) could take it before the node binds it. Test JVMs that run at once ({@code diwan.it.fork}
     * 1, 2, …) each pick from their own part of the range, so two nodes of two tests never get the same port.
     */
    static int freePort() {
        int forks = Integer.getInteger("diwan.it.forks", 2);
        int fork = Math.max(1, Math.min(forks, Integer.getInteger("diwan.it.fork", 1)));
        int width = (LAST_PORT - FIRST_PORT) / forks;
        int from = FIRST_PORT + (fork - 1) * width;
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(from, from + width);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + from + " and " + (from + width)));
    }

    private static void run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process p = builder.inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + builder.command());
        }
    }

    private static void deleteTree(Path path) throws IOException, InterruptedException {
        if (Files.exists(path)) {
            run(new ProcessBuilder("rm", "-rf", path.toString()));
        }
    }
}
