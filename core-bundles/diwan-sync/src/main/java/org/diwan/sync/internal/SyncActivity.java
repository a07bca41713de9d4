package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the relay and the receivers have done: counts since the start, when each direction last moved a change
 * (kept in {@code sync.activity} across restarts) and the last failure. Also the doorbell the outbox rings so
 * the relay need not poll fast.
 */
@Component(service = SyncActivity.class)
public final class SyncActivity {

    private static final Logger LOG = LoggerFactory.getLogger(SyncActivity.class);
    static final String SENT = "sent";
    static final String RECEIVED = "received";

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition rung = lock.newCondition();
    private boolean pending;
    private volatile String lastError = "";
    private volatile Instant lastErrorAt;

    @Activate
    public SyncActivity(@Reference(target = "(diwan.schema=sync)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    SyncActivity(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void sent(int count) {
        sent.addAndGet(count);
        record(SENT, count);
    }

    void received(int count) {
        received.addAndGet(count);
        record(RECEIVED, count);
    }

    long sentCount() {
        return sent.get();
    }

    long receivedCount() {
        return received.get();
    }

    Instant lastAt(String direction) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT last_at FROM activity WHERE direction = ?")) {
            s.setString(1, direction);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        } catch (SQLException e) {
            LOG.warn("Sync activity not readable: {}", e.getMessage());
            return null;
        }
    }

    void failed(String what, Exception e) {
        String message = what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (!message.equals(lastError)) {
            LOG.warn("Sync: {}", message);
        }
        lastError = message;
        lastErrorAt = clock.instant();
    }

    void recovered() {
        lastError = "";
    }

    String lastError() {
        return lastError.isEmpty() ? "" : lastError + " (" + lastErrorAt + ")";
    }

    /** A change was captured: wake the relay. */
    void ring() {
        lock.lock();
        try {
            pending = true;
            rung.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@link #ring()} or the timeout, whichever comes first. */
    void awaitRing(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                rung.await(millis, TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    /** A lost activity row costs an administrator a timestamp, never a change: failures are logged, not thrown. */
    private void record(String direction, int count) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE activity SET last_at = ?, total = total + ? WHERE direction = ?")) {
                s.setTimestamp(1, now);
                s.setLong(2, count);
                s.setString(3, direction);
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO activity (direction, last_at, total) VALUES (?, ?, ?)")) {
                s.setString(1, direction);
                s.setTimestamp(2, now);
                s.setLong(3, count);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            LOG.warn("Sync activity not recorded: {}", e.getMessage());
        }
    }
}
