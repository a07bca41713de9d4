package org.diwan.itkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The ports the nodes of one test JVM listen on: free when picked, never handed out twice in the JVM, and from a part
 * of the range no other test JVM running at once picks from.
 */
final class FreePorts {

    /**
     * Ports handed out in this test JVM: a port picked free but not bound yet is free again for the next pick, and a
     * node once got the same port for its broker and its SSH console.
     */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Pax Exam takes its RMI ports from 21000 up: the nodes' ranges start above. */
    private static final int FIRST_PORT = 22_000;
    private static final int LAST_PORT = 32_000;

    private FreePorts() {
    }

    /**
     * A port free now, below the kernel's ephemeral range (32768 and up), where any outgoing connection (the sync
     * tests make thousands) could take it before the node binds it. Test JVMs that run at once ({@code diwan.it.fork}
     * 1, 2, …) each pick from their own part of the range, so two nodes of two tests never get the same port.
     */
    static int pick() {
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
}
