package org.diwan.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between a mission node and headquarters' link port that a test can break: {@link #cut()} drops
 * every connection and refuses new ones (the line is down), {@link #stall()} keeps connections open but moves
 * no more bytes (a link that hangs), {@link #restore()} lets traffic through again. The bytes are TLS: the
 * proxy sees nothing of them, as a router would not.
 */
final class LinkProxy implements AutoCloseable {

    private enum State { OPEN, STALLED, CUT }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LinkProxy.class);

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private volatile State state = State.OPEN;
    private final Object gate = new Object();

    LinkProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "link-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections the proxy took: each reconnect attempt of the mission that reached it. */
    long accepted() {
        return accepted.get();
    }

    void cut() {
        state = State.CUT;
        closeAll();
    }

    void stall() {
        state = State.STALLED;
    }

    void restore() {
        synchronized (gate) {
            state = State.OPEN;
            gate.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        state = State.CUT;
        server.close();
        closeAll();
        restore();
        state = State.CUT;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                if (state == State.CUT) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, "up");
                pump(upstream, client, "down");
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("proxy: connection not made: {}", e.getMessage());
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitOpen();
                    if (state == State.CUT) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException closed) {
                // cut, or one side went away
            } catch (IOException | InterruptedException e) {
                LOG.debug("proxy {}: {}", direction, e.getMessage());
            } finally {
                quietlyClose(from);
                quietlyClose(to);
            }
        }, "link-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (state == State.STALLED) {
                gate.wait(200);
            }
        }
    }

    private void closeAll() {
        for (Socket s : sockets) {
            quietlyClose(s);
        }
        sockets.clear();
    }

    private static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
