package org.diwan.itkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One Diwan node started from the built archive as a separate process, the way an administrator
 * starts it ({@code bin/diwan run}), on free ports and its own data folder under {@code target/nodes/<name>}.
 *
 * <p>A department's test in three lines:
 * <pre>{@code
 * DiwanNode node = DiwanNode.started("notes-it", "diwan-notes");    // admin made, feature booted, /health UP
 * WebClient chief = WebClient.loggedIn(node);                          // the node's administrator, CSRF handled
 * JsonClient api = JsonClient.bearer(node, token);                     // the department's JSON API
 * }</pre>
 * The archive is named by the system property {@code diwan.archive} (karaf-distribution's failsafe sets it) or given
 * to {@link #unpack(Path, String)}; a plugin that is not in the archive joins with {@link #withPlugin}.
 */
public final class DiwanNode implements AutoCloseable {

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
    public static String testJvmOptions() {
        return System.getProperty("diwan.it.nodeJvmOptions", "").trim();
    }

    private final Map<String, String> extraEnv = new java.util.HashMap<>();
    private Process process;
    private long startedAt;
    private String adminUser;
    private String adminPassword;

    private DiwanNode(Path home, Path data) {
        this.home = home;
        this.data = data;
    }

    /**
     * A node with an administrator ({@link #withAdmin}: {@code chief}, a password made for it) and {@code features} booted,
     * started and up ({@link #awaitHttp()}): what most department tests need. Close it in {@code @AfterAll}.
     */
    public static DiwanNode started(String name, String... features) throws IOException, InterruptedException {
        return unpack(name).withAdmin("chief", "it kit " + java.util.UUID.randomUUID()).bootWith(features).start().awaitHttp();
    }

    /** Unpacks the archive named by the {@code diwan.archive} system property into a fresh folder. */
    public static DiwanNode unpack(String name) throws IOException, InterruptedException {
        String archive = System.getProperty("diwan.archive");
        if (archive == null || archive.isBlank()) {
            throw new IllegalStateException("no archive: set the system property diwan.archive to diwan-<version>.tar.gz"
                    + " (failsafe's systemPropertyVariables) or call DiwanNode.unpack(archive, name)");
        }
        return unpack(Path.of(archive), name);
    }

    /** Unpacks {@code archive} (a {@code diwan-<version>.tar.gz}) into a fresh {@code target/nodes/<name>}. */
    public static DiwanNode unpack(Path archive, String name) throws IOException, InterruptedException {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no archive at " + archive.toAbsolutePath() + ": build karaf-distribution first");
        }
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
    public DiwanNode withEnv(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /**
     * The administrator the node makes unattended at its first start ({@code DIWAN_ADMIN_USER} and a password file),
     * whom {@link WebClient#loggedIn(DiwanNode)} logs in as; call before {@link #start()}. Without it the node starts
     * with no account and offers the first-run setup page.
     */
    public DiwanNode withAdmin(String user, String password) throws IOException {
        Path file = home.getParent().resolve("admin-password");
        Files.writeString(file, password + "\n");
        adminUser = user;
        adminPassword = password;
        return withEnv("DIWAN_ADMIN_USER", user).withEnv("DIWAN_ADMIN_PASSWORD_FILE", file.toString());
    }

    /** Adds features to the boot features, as {@code run.sh --demo} does; call before {@link #start()}. */
    public DiwanNode bootWith(String... features) throws IOException {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(cfg);
        for (String feature : features) {
            text = text.replaceFirst("(?m)^(featuresBoot = \\\\)$", "$1\n    " + feature + ", \\\\");
        }
        Files.writeString(cfg, text);
        return this;
    }

    /**
     * A plugin that is not in the archive (a department under development, the test plugin): {@code bundles} (its
     * built jars) become the feature {@code feature}, registered in a repository file of the node's own and booted.
     * Its pages come a moment after {@code /health} says UP: wait for them ({@link WebClient#awaitStatus}).
     */
    public DiwanNode withPlugin(String feature, Path... bundles) throws IOException {
        StringBuilder xml = new StringBuilder("<features name=\"" + feature + "-it\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n"
                + "  <feature name=\"" + feature + "\" description=\"" + feature + " (under test)\">\n");
        for (Path bundle : bundles) {
            if (!Files.isRegularFile(bundle)) {
                throw new IllegalStateException("no bundle at " + bundle.toAbsolutePath() + ": package the plugin first");
            }
            xml.append("    <bundle>").append(bundle.toAbsolutePath().toUri()).append("</bundle>\n");
        }
        xml.append("  </feature>\n</features>\n");
        Path repository = home.resolve("etc/" + feature + "-it-features.xml");
        Files.writeString(repository, xml.toString());
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        Files.writeString(cfg, Files.readString(cfg).replaceFirst("(?m)^(featuresRepositories = \\\\)$",
                "$1\n    " + java.util.regex.Matcher.quoteReplacement(repository.toUri().toString()) + ", \\\\"));
        return bootWith(feature);
    }

    public DiwanNode start() throws IOException {
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
     * Waits until the node is up: {@code /health} answers UP (it answers 503 STARTING until the shell's first pages,
     * {@code /login} among them, are registered, and is not there at all while the security core is down) and the
     * node's log is being written. A boot that does not get there within the time allowed is reported with the tails
     * of its console and log, and tried once more from a fresh data folder, so that one slow or broken boot on a
     * loaded machine is told apart from a node that cannot boot.
     */
    public DiwanNode awaitHttp() throws IOException, InterruptedException {
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
    public DiwanNode restart() throws IOException {
        start();
        awaitBoot();
        return this;
    }

    /** {@code kill -9} of the node's JVM: no shutdown hook, no flush, as a power cut. */
    public void kill() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessHandle jvm = jvm();
        jvm.destroyForcibly();
        jvm.onExit().join();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /**
     * Waits only until Jetty answers anything, for a node that is meant not to come up (its core refuses to start):
     * {@link #awaitHttp()} would wait for an UP that never comes. No retry.
     */
    public DiwanNode awaitListening() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> stillRunning() && httpStatus("/") > 0);
        return this;
    }

    private boolean stillRunning() {
        if (!process.isAlive()) {
            throw new IllegalStateException("node exited with " + process.exitValue() + ": see " + home.resolve("console.log"));
        }
        return true;
    }

    private void awaitBoot() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> stillRunning() && httpStatus("/health") == 200);
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

    /** The status of a GET of {@code path}, without cookies or redirects. */
    public int httpStatus(String path) throws IOException {
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
    public ProcessHandle jvm() {
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

    /** The node's {@code karaf.log} as it is now. */
    public String log() throws IOException {
        Path log = data.resolve("log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public Path home() {
        return home;
    }

    public Path data() {
        return data;
    }

    public int httpPort() {
        return httpPort;
    }

    public int sshPort() {
        return sshPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    /** {@code http://127.0.0.1:<port>}, no slash at the end. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The administrator given to {@link #withAdmin}; fails when there is none. */
    public String adminUser() {
        if (adminUser == null) {
            throw new IllegalStateException("this node has no administrator: call withAdmin(user, password) before start()");
        }
        return adminUser;
    }

    /** The administrator's password given to {@link #withAdmin}. */
    public String adminPassword() {
        adminUser();
        return adminPassword;
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

    /** A port free now, from this test JVM's own range: see {@link FreePorts#pick()}. */
    public static int freePort() {
        return FreePorts.pick();
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
