package org.diwan.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.ActiveMQExceptionMessage;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.core.server.cluster.impl.BridgeImpl;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a mission's bridge is not connected, in words an administrator can act on. Artemis's bridge only logs its
 * failures, so this watches it: an interceptor on the bridge's own connections keeps what headquarters answered
 * (a refused login, a refused send), the bridge's state is checked every second, and while the bridge stays down
 * a TLS handshake of its own (at most once per longest retry interval) tells an unreachable headquarters from one
 * whose certificate is not the pinned one.
 *
 * <p>A refused login is final until the broker restarts: Artemis answers a bridge's failed login with a cluster
 * security exception, on which the mission's cluster manager stops every bridge for good (AMQ224058). For a
 * revoked mission that is right; a corrected secret is a change of {@code org.diwan.link}, which restarts the
 * component and so the bridge. The status says so.
 */
final class BridgeWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeWatch.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final int PROBE_TIMEOUT_MS = 5_000;

    private final Bridge bridge;
    private final LinkSettings.Mission settings;
    private final Path trustStore;
    private final String trustStorePassword;
    private final String credential;
    private final ScheduledExecutorService timer;
    /** How the bridge reaches headquarters, to ask once why it was refused; {@code null} in tests without one. */
    private final TransportConfiguration transport;
    private boolean wasConnected;
    private Instant downSince = Instant.now();
    private Instant lastProbe;
    private boolean stopped;
    private volatile String refusal;
    private volatile String lastError = "";
    private volatile Instant lastErrorAt;

    /**
     * @param bridge the records' bridge, whose state is the link's
     * @param others the link's other bridges (files): a refusal any of them hears stops them all, so it is heard on
     *               each
     */
    BridgeWatch(Bridge bridge, List<Bridge> others, LinkSettings.Mission settings, String credential, Path trustStore,
            String trustStorePassword, TransportConfiguration transport) {
        this.bridge = bridge;
        this.transport = transport;
        this.settings = settings;
        this.credential = credential;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
        List<Bridge> all = new java.util.ArrayList<>(others);
        all.add(bridge);
        for (Bridge each : all) {
            if (each instanceof BridgeImpl impl) {
                // The locator hands its interceptors to every connection the bridge makes from now on.
                impl.getServerLocator().addIncomingInterceptor((Interceptor) (packet, connection) -> {
                    if (packet instanceof ActiveMQExceptionMessage answer && answer.getException() != null) {
                        refusal = answer.getException().getMessage();
                        failed("headquarters refused: " + refusal);
                    }
                    return true;
                });
            }
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "diwan-link-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean connected() {
        return bridge != null && bridge.isConnected();
    }

    String lastError() {
        return lastError;
    }

    Instant lastErrorAt() {
        return lastErrorAt;
    }

    private void check() {
        try {
            if (bridge == null || !bridge.isStarted()) {
                if (!stopped) {
                    stopped = true;
                    // the refusal that stopped the bridge may have come before the interceptor was in place: ask again
                    String answered = refusal != null ? refusal : loginRefusal();
                    failed((answered != null ? "headquarters refused: " + answered + "; " : "")
                            + "the bridge has stopped and starts again with the broker (a corrected secret restarts it)");
                }
                return;
            }
            boolean connected = connected();
            Instant now = Instant.now();
            if (connected) {
                wasConnected = true;
                downSince = null;
                refusal = null;
                return;
            }
            if (wasConnected) {
                wasConnected = false;
                downSince = now;
                failed("connection to headquarters at " + settings.hqAddress() + " lost");
            }
            boolean downLongEnough = downSince != null && downSince.plusMillis(settings.retryIntervalMs()).isBefore(now);
            boolean probeDue = lastProbe == null || lastProbe.plusMillis(settings.maxRetryIntervalMs()).isBefore(now);
            if (downLongEnough && probeDue) {
                lastProbe = now;
                probe();
            }
        } catch (RuntimeException e) {
            LOG.warn("Link watch failed", e);
        }
    }

    /**
     * Logs in to headquarters once as the bridge does, to learn why it was refused; {@code null} when the login
     * goes through or headquarters cannot be reached (the probe below tells those apart).
     */
    private String loginRefusal() {
        if (transport == null) {
            return null;
        }
        try (ServerLocator locator = ActiveMQClient.createServerLocatorWithoutHA(transport)) {
            locator.setInitialConnectAttempts(1).setReconnectAttempts(0).setCallTimeout(PROBE_TIMEOUT_MS)
                    .setConnectionTTL(PROBE_TIMEOUT_MS).setCallFailoverTimeout(PROBE_TIMEOUT_MS);
            try (ClientSessionFactory factory = locator.createSessionFactory();
                    ClientSession session = factory.createSession(settings.code(), credential, false, true, true, false, 1)) {
                return null;
            }
        } catch (ActiveMQSecurityException e) {
            // headquarters does not say which: a wrong or revoked secret, or another node bound to this mission
            return e.getMessage() + " (a wrong or revoked secret, or this mission's identity is bound to another node:"
                    + " ask headquarters to enrol the mission again)";
        } catch (Exception e) {
            return null;
        }
    }

    /** A TLS handshake with headquarters, trusting what the bridge trusts; nothing is sent after it. */
    private void probe() {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(settings.hqAddress().bareHost(), settings.hqAddress().port()), PROBE_TIMEOUT_MS);
            plain.setSoTimeout(PROBE_TIMEOUT_MS);
            try (SSLSocket tls = (SSLSocket) sslContext().getSocketFactory().createSocket(plain, settings.hqAddress().bareHost(),
                    settings.hqAddress().port(), false)) {
                tls.startHandshake();
            }
            String answered = refusal;
            failed(answered != null ? "headquarters refused: " + answered
                    : "headquarters at " + settings.hqAddress() + " answers over TLS, but the bridge is not connected (see the log)");
        } catch (IOException | GeneralSecurityException e) {
            failed("headquarters at " + settings.hqAddress() + ": " + describe(e));
        }
    }

    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, trustStorePassword.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String describe(Exception e) {
        if (e instanceof SSLHandshakeException) {
            return "TLS handshake failed, the certificate is probably not the one of the enrolment (" + e.getMessage() + ")";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void failed(String error) {
        if (!error.equals(lastError)) {
            LOG.warn("Link to headquarters: {}", error);
        }
        lastError = error;
        lastErrorAt = Instant.now();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
