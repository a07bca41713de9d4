package org.diwan.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a node's JVM from outside: its thread count from {@code /proc}, and its heap in use after a full
 * collection through {@code jcmd} (from the same JDK the tests run on).
 */
final class JvmProbe {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    private JvmProbe() {
    }

    static int threads(ProcessHandle jvm) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status"))) {
            if (line.startsWith("Threads:")) {
                return Integer.parseInt(line.substring("Threads:".length()).strip());
            }
        }
        throw new IOException("no thread count for " + jvm.pid());
    }

    /** Heap in use, in KiB, right after a full GC. */
    static long heapAfterGcKb(ProcessHandle jvm) throws IOException, InterruptedException {
        jcmd(jvm, "GC.run");
        // G1 prints one heap line; the serial and parallel collectors one per generation: add them, not the
        // metaspace lines
        long total = 0;
        boolean found = false;
        for (String line : jcmd(jvm, "GC.heap_info").split("\n")) {
            if (line.contains("Metaspace") || line.contains("class space")) {
                continue;
            }
            Matcher used = USED.matcher(line);
            if (used.find()) {
                total += Long.parseLong(used.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IOException("jcmd GC.heap_info gave no 'used' figure");
        }
        return total;
    }

    /**
     * The heap limit the JVM itself runs with ({@code MaxHeapSize} from {@code jcmd VM.flags}), in bytes: what
     * the JVM decided, not what {@code /proc} happens to report about its command line at the moment it is read.
     */
    static long maxHeapBytes(ProcessHandle jvm) throws IOException, InterruptedException {
        Matcher max = MAX_HEAP.matcher(jcmd(jvm, "VM.flags"));
        if (!max.find()) {
            throw new IOException("jcmd VM.flags gave no MaxHeapSize");
        }
        return Long.parseLong(max.group(1));
    }

    /** Starts a flight recording in the node's JVM (for the bench's profile of where the time goes). */
    static void startRecording(ProcessHandle jvm, String name) throws IOException, InterruptedException {
        jcmd(jvm, "JFR.start", "name=" + name, "settings=profile");
    }

    /** Stops the recording and writes it to {@code file}; {@code jfr print} or JDK Mission Control read it. */
    static void stopRecording(ProcessHandle jvm, String name, Path file) throws IOException, InterruptedException {
        jcmd(jvm, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
    }

    private static String jcmd(ProcessHandle jvm, String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(jcmd.toString(), Long.toString(jvm.pid())));
        line.addAll(java.util.List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
