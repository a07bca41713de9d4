package org.diwan.sync.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes changes off one queue and applies them, on its own thread, for as long as it runs. Messages are read in
 * a transacted session and committed after their changes are stored (applied or parked), in batches; a crash
 * between the two delivers them again, which the plugins' idempotent apply turns into no-ops. When the
 * connection fails (headquarters unreachable, broker restarting) it waits, doubling the wait up to a ceiling,
 * and connects again.
 */
final class ChangeReceiver implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeReceiver.class);
    /** Messages applied before one commit: fewer broker round trips, at most this many re-applied after a crash. */
    static final int BATCH = 100;
    private static final long POLL_MILLIS = 500;

    private final String name;
    private final ConnectionFactory factory;
    private final String queue;
    private final boolean trustValidatedUser;
    private final ChangeApplier applier;
    private final SyncActivity activity;
    private final Backoff backoff;
    private volatile boolean running = true;
    private volatile boolean broken;
    private volatile boolean connected;
    private Thread thread;

    /**
     * @param trustValidatedUser take the sender from the broker's {@code _AMQ_VALIDATED_USER} (headquarters,
     *                           whose broker stamps it on every mission's message)
     */
    ChangeReceiver(String name, ConnectionFactory factory, String queue, boolean trustValidatedUser, ChangeApplier applier,
            SyncActivity activity, Duration firstRetry, Duration maxRetry) {
        this.name = name;
        this.factory = factory;
        this.queue = queue;
        this.trustValidatedUser = trustValidatedUser;
        this.applier = applier;
        this.activity = activity;
        this.backoff = new Backoff(firstRetry, maxRetry);
    }

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

    boolean connected() {
        return connected;
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
                connected = true;
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
                    activity.failed("applying changes from " + queue, e);
                }
            } finally {
                connected = false;
            }
            pause();
        }
    }

    private void consume(Session session, MessageConsumer consumer) throws Exception {
        while (running && !broken) {
            Message first = consumer.receive(POLL_MILLIS);
            if (first == null) {
                continue;
            }
            List<ChangeApplier.Received> batch = new ArrayList<>(BATCH);
            int count = 0;
            int applied;
            try {
                Message message = first;
                while (message != null) {
                    read(message, batch);
                    count++;
                    message = count < BATCH ? consumer.receiveNoWait() : null;
                }
                applied = applier.receiveAll(batch);
                session.commit();
            } catch (Exception e) {
                rollback(session);
                throw e;
            }
            activity.received(count);
            applier.afterBatch(applied > 0);
        }
    }

    private void read(Message message, List<ChangeApplier.Received> into) throws JMSException {
        try {
            String sender = trustValidatedUser ? message.getStringProperty(SyncQueues.PROPERTY_VALIDATED_USER) : null;
            into.add(new ChangeApplier.Received(ChangeMessages.fromMessage(message), sender));
        } catch (IllegalArgumentException e) {
            // not a change at all: keeping it would block the queue forever
            LOG.error("Sync: message {} on {} dropped: {}", message.getJMSMessageID(), queue, e.getMessage());
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

    private static void rollback(Session session) {
        try {
            session.rollback();
        } catch (JMSException e) {
            LOG.debug("rollback failed (the connection is gone: the broker rolls back by itself)", e);
        }
    }
}
