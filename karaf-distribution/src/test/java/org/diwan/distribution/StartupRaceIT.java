package org.diwan.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.Figures;

/**
 * CI once saw every {@code /login} answer 500 (Shiro's {@code UnavailableSecurityManagerException}) for a minute
 * after boot: the visitor's subject was bound by a whiteboard filter, and the whiteboard served pages before it had
 * the filter in place. Here a node is booted again and again, its pages asked for as fast as one client can from
 * the first connection Jetty accepts, and no answer may be a server error. {@code -Dit.boots=20} for the long run
 * (one in CI, on an empty data folder; the later ones start on the data the first left). And once {@code /health}
 * has said UP, the shell's own pages are there: {@code /login} and {@code /} never answer 404 after it (the
 * whiteboard registers servlets one by one, and health used to say UP a moment before the login page existed).
 */
@TestInstance(Lifecycle.PER_CLASS)
class StartupRaceIT {

    private static final int BOOTS = Integer.getInteger("it.boots", 1);
    /** How long pages are asked for after the first one answered: the failure seen lasted sixty seconds. */
    private static final Duration WATCH = Duration.ofSeconds(Integer.getInteger("it.watchSeconds", 15));
    private static final List<String> PAGES = List.of("/login", "/", "/health", "/diwan/missions/registry");

    private DiwanNode node;

    @BeforeAll
    void unpack() throws Exception {
        node = DiwanNode.unpack("startup-race-it").bootWith("diwan-missions");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void noPageAnswersAServerErrorWhileTheNodeComesUp() throws Exception {
        for (int boot = 1; boot <= BOOTS; boot++) {
            node.start();
            Map<String, Integer> serverErrors = new TreeMap<>();
            Map<String, Integer> missingAfterUp = new TreeMap<>();
            boolean up = false;
            Instant watchUntil = null;
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(120));
            int requests = 0;
            while (watchUntil == null ? Instant.now().isBefore(giveUp) : Instant.now().isBefore(watchUntil)) {
                for (String page : PAGES) {
                    int status;
                    try {
                        status = node.httpStatus(page);
                    } catch (IOException notListeningYet) {
                        continue;
                    }
                    requests++;
                    if (status >= 500 && !(page.equals("/health") && status == 503)) {
                        serverErrors.merge(page + " " + status, 1, Integer::sum);
                    }
                    if (up && status == 404 && (page.equals("/login") || page.equals("/"))) {
                        missingAfterUp.merge(page, 1, Integer::sum);
                    }
                    up |= page.equals("/health") && status == 200;
                    if (watchUntil == null && page.equals("/login") && status == 200) {
                        watchUntil = Instant.now().plus(WATCH);
                    }
                }
            }
            Figures.write("startup-race", String.format("boot %d of %d: %d requests, %d answered 5xx", boot, BOOTS, requests,
                    serverErrors.values().stream().mapToInt(i -> i).sum()));
            assertThat(watchUntil).as("boot %d: /login answered 200 within two minutes", boot).isNotNull();
            assertThat(serverErrors).as("boot %d: server errors while the node came up", boot).isEmpty();
            assertThat(up).as("boot %d: /health said UP", boot).isTrue();
            assertThat(missingAfterUp).as("boot %d: shell pages not found after /health said UP", boot).isEmpty();
            node.close();
        }
    }
}
