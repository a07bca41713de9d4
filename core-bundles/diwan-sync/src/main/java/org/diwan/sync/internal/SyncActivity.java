package org.diwan.sync.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
    private static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final Map<String, Direction> directions = new ConcurrentHashMap<>();
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

    /** Writes what is not written yet, when the component stops. */
    @Deactivate
    void flush() {
        for (Direction d : directions.values()) {
            d.flush(true);
        }
    }

    long sentCount() {
        return sent.get();
    }

    long receivedCount() {
        return received.get();
    }

    Instant lastAt(String direction) {
        Direction d = directions.get(direction);
        if (d != null && d.lastAt != null) {
            return d.lastAt;
        }
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

    private void record(String direction, int count) {
        directions.computeIfAbsent(direction, Direction::new).add(count, clock.instant());
    }

    /**
     * One direction's activity, written at most once a {@link #WRITE_EVERY}: catching up moves tens of batches a
     * second, and each would otherwise pay a commit (a disk flush) of its own for a timestamp. What is not
     * written yet is read from here; a crash loses at most a second of an administrator's timestamp.
     */
    private final class Direction {

        private final String name;
        private volatile Instant lastAt;
        private long unwritten;
        private Instant writtenAt = Instant.MIN;

        Direction(String name) {
            this.name = name;
        }

        synchronized void add(int count, Instant at) {
            lastAt = at;
            unwritten += count;
            flush(false);
        }

        synchronized void flush(boolean now) {
            if (unwritten == 0 || !now && lastAt.isBefore(writtenAt.plus(WRITE_EVERY))) {
                return;
            }
            write(name, unwritten, lastAt);
            unwritten = 0;
            writtenAt = lastAt;
        }
    }

    /** A lost activity row costs an administrator a timestamp, never a change: failures are logged, not thrown. */
    private void write(String direction, long count, Instant at) {
        Timestamp now = Timestamp.from(at);
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
