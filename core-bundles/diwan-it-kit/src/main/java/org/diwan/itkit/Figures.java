package org.diwan.itkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What a process-level test measured, appended to {@code target/figures/<name>.txt} (and logged), where a
 * reader of the build and {@code bench/} find it whatever the test JVM's logging does.
 */
public final class Figures {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Figures.class);

    private Figures() {
    }

    /** A file beside the figures (a flight recording, say). */
    public static Path file(String name) {
        try {
            return Files.createDirectories(Path.of("target", "figures")).resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(String name, String line) {
        LOG.info("{}: {}", name, line);
        try {
            Path file = Files.createDirectories(Path.of("target", "figures")).resolve(name + ".txt");
            Files.writeString(file, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
