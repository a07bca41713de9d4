package org.diwan.integration.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.diwan.api.events.RecordEvents;
import org.diwan.api.node.NodeInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves record events from the outbox to the node's broker, oldest first, on its own thread: one persistent send
 * per event to its multicast address, then the row's delete. Artemis confirms a persistent send before
 * {@code send} returns, so a row is deleted only once the broker holds the event. A crash between the two sends it
 * again with the same {@code _AMQ_DUPL_ID} (the event's id), and the broker drops the repeat.
 *
 * <p>The broker's factory is a static reference: when the messaging bundle withdraws it (broker stopping), this
 * component stops and the events wait in the outbox; it starts again with the next broker.
 */
@Component(immediate = true, service = {})
public final class EventRelay implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
    /** Artemis's duplicate detection property. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    static final int BATCH = 100;
    /** Longest sleep with nothing rung: a safety net, every publish rings. */
    private static final long IDLE_MILLIS = 2_000;
    private static final long RETRY_MIN_MILLIS = 250;
    private static final long RETRY_MAX_MILLIS = 15_000;

    private final EventOutbox outbox;
    private final ConnectionFactory factory;
    private final EventBell bell;
    private final String node;
    private final Thread thread;
    private volatile boolean running = true;

    @Activate
    public EventRelay(@Reference(target = "(diwan.schema=events)") DataSource events,
            @Reference(target = "(diwan.messaging=local)") ConnectionFactory factory, @Reference NodeInfo node,
            @Reference EventBell bell) {
        this(new EventOutbox(events), factory, bell, node.nodeId());
        start();
    }

    EventRelay(EventOutbox outbox, ConnectionFactory factory, EventBell bell, String node) {
        this.outbox = outbox;
        this.factory = factory;
        this.bell = bell;
        this.node = node;
        this.thread = new Thread(this, "diwan-event-relay");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Deactivate
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        long retry = RETRY_MIN_MILLIS;
        while (running) {
            try (Connection connection = factory.createConnection()) {
                // Not transacted: each event is one durable send the broker confirms. A repeat is dropped by the
                // broker on its own; in a transaction it would fail the whole commit.
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(null);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                retry = RETRY_MIN_MILLIS;
                while (running) {
                    if (relayBatch(session, producer) < BATCH) {
                        bell.await(IDLE_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warn("Record events wait in the outbox: {} (trying again in {} ms)", e.toString(), retry);
                    LOG.debug("Relaying record events failed", e);
                    if (!sleep(retry)) {
                        return;
                    }
                    retry = Math.min(retry * 2, RETRY_MAX_MILLIS);
                }
            }
        }
    }

    /** Sends the oldest events, each deleted once the broker confirmed it; returns how many went. */
    int relayBatch(Session session, MessageProducer producer) throws Exception {
        List<EventOutbox.Entry> entries = outbox.oldest(BATCH);
        for (EventOutbox.Entry entry : entries) {
            producer.send(session.createTopic(entry.address()), message(session, entry));
            outbox.remove(entry);
        }
        return entries.size();
    }

    private Message message(Session session, EventOutbox.Entry entry) throws JMSException {
        if (entry.announced() != null) {
            return announcement(session, entry);
        }
        TextMessage message = session.createTextMessage(entry.body());
        message.setStringProperty(DUPLICATE_ID, entry.eventId());
        message.setStringProperty(RecordEvents.EVENT_ID, entry.eventId());
        message.setStringProperty(RecordEvents.PLUGIN, entry.plugin());
        message.setStringProperty(RecordEvents.TYPE, entry.type());
        message.setStringProperty(RecordEvents.RECORD_ID, entry.recordId());
        message.setLongProperty(RecordEvents.VERSION, entry.version());
        message.setStringProperty(RecordEvents.EVENT, entry.kind().segment());
        message.setStringProperty(RecordEvents.ACTOR, entry.actor());
        message.setStringProperty(RecordEvents.NODE, node);
        message.setStringProperty(RecordEvents.OCCURRED_AT, EventJson.iso(entry.at()));
        if (entry.fromState() != null) {
            message.setStringProperty(RecordEvents.FROM_STATE, entry.fromState());
            message.setStringProperty(RecordEvents.TO_STATE, entry.toState());
        }
        return message;
    }

    /** An announcement: its own body and properties, and the node's (the event id for duplicate detection). */
    private Message announcement(Session session, EventOutbox.Entry entry) throws JMSException {
        EventOutbox.Announced announced = entry.announced();
        Message message;
        if (announced.text()) {
            message = session.createTextMessage(new String(announced.payload(), StandardCharsets.UTF_8));
        } else {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(announced.payload());
            message = bytes;
        }
        for (Map.Entry<String, String> property : announced.properties().entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        message.setStringProperty(DUPLICATE_ID, entry.eventId());
        message.setStringProperty(RecordEvents.EVENT_ID, entry.eventId());
        message.setStringProperty(RecordEvents.PLUGIN, entry.plugin());
        message.setStringProperty(RecordEvents.ACTOR, entry.actor());
        message.setStringProperty(RecordEvents.NODE, node);
        message.setStringProperty(RecordEvents.OCCURRED_AT, EventJson.iso(entry.at()));
        return message;
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }
}
