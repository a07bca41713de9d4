package org.diwan.sync.internal;

import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one queue in a transacted session on its own thread, for as long as it runs. When the connection fails
 * (headquarters unreachable, broker restarting) or what it read could not be stored, the messages go back to the
 * queue; it waits, doubling the wait up to a ceiling, and connects again.
 */
abstract class QueueReceiver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueReceiver.class);
    static final long POLL_MILLIS = 500;

    private final String name;
    private final ConnectionFactory factory;
    protected final String queue;
    protected final SyncActivity activity;
    private final Backoff backoff;
    private volatile boolean running = true;
    private volatile boolean broken;
    private Thread thread;

    QueueReceiver(String name, ConnectionFactory factory, String queue, SyncActivity activity, Duration firstRetry, Duration maxRetry) {
        this.name = name;
        this.factory = factory;
        this.queue = queue;
        this.activity = activity;
        this.backoff = new Backoff(firstRetry, maxRetry);
    }

    /** Reads messages until {@link #reading()} turns false, committing what it has stored. */
    abstract void consume(Session session, MessageConsumer consumer) throws Exception;

    void start() {
        thread = new Thread(this, "diwan-sync-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether to go on reading on the current connection. */
    boolean reading() {
        return running && !broken;
    }

    @Override
    public void run() {
        while (running) {
            broken = false;
            try (Connection connection = factory.createConnection()) {
                connection.setExceptionListener(e -> broken = true);
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
                connection.start();
                backoff.reset();
                activity.recovered();
                LOG.info("Sync: receiving from {}", queue);
                consume(session, consumer);
            } catch (JMSException e) {
                if (running) {
                    activity.failed("receiving from " + queue, e);
                }
            } catch (Exception e) {
                // the database refused (or a plugin failed in passing): the batch was rolled back, it comes again
                if (running) {
                    activity.failed("storing what came from " + queue, e);
                }
            }
            pause();
        }
    }

    static void rollback(Session session) {
        try {
            session.rollback();
        } catch (JMSException e) {
            LOG.debug("rollback failed (the connection is gone: the broker rolls back by itself)", e);
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(backoff.nextMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
