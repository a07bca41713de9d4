package org.diwan.sync.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes changes off one queue and applies them. Messages are read in batches and committed after their changes
 * are stored (applied or parked); a crash between the two delivers them again, which the plugins' idempotent
 * apply turns into no-ops.
 */
final class ChangeReceiver extends QueueReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeReceiver.class);
    /**
     * Changes applied before one commit (whole bundles: a little more): fewer commits on both sides, at most this
     * many re-applied after a crash.
     */
    static final int BATCH = 250;

    private final boolean trustValidatedUser;
    private final ChangeApplier applier;

    /**
     * @param trustValidatedUser take the sender from the broker's {@code _AMQ_VALIDATED_USER} (headquarters,
     *                           whose broker stamps it on every mission's message)
     */
    ChangeReceiver(String name, ConnectionFactory factory, String queue, boolean trustValidatedUser, ChangeApplier applier,
            SyncActivity activity, Duration firstRetry, Duration maxRetry) {
        super(name, factory, queue, activity, firstRetry, maxRetry);
        this.trustValidatedUser = trustValidatedUser;
        this.applier = applier;
    }

    @Override
    void consume(Session session, MessageConsumer consumer) throws Exception {
        while (reading()) {
            Message first = consumer.receive(POLL_MILLIS);
            if (first == null) {
                continue;
            }
            List<ChangeApplier.Received> batch = new ArrayList<>(BATCH + ChangeMessages.MAX_CHANGES);
            int applied;
            try {
                Message message = first;
                while (message != null) {
                    read(message, batch);
                    message = batch.size() < BATCH ? consumer.receiveNoWait() : null;
                }
                applied = applier.receiveAll(batch);
                session.commit();
            } catch (Exception e) {
                rollback(session);
                throw e;
            }
            activity.received(batch.size());
            applier.afterBatch(applied > 0);
        }
    }

    private void read(Message message, List<ChangeApplier.Received> into) throws JMSException {
        try {
            String sender = trustValidatedUser ? message.getStringProperty(SyncQueues.PROPERTY_VALIDATED_USER) : null;
            for (SyncChange change : ChangeMessages.fromMessage(message)) {
                into.add(new ChangeApplier.Received(change, sender));
            }
        } catch (IllegalArgumentException e) {
            // not a change at all: keeping it would block the queue forever
            LOG.error("Sync: message {} on {} dropped: {}", message.getJMSMessageID(), queue, e.getMessage());
        }
    }
}
