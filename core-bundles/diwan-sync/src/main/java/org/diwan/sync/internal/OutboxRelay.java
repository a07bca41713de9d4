package org.diwan.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.diwan.api.documents.Documents;
import org.diwan.api.documents.StoredDocument;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncQueues;
import org.diwan.api.sync.SyncedType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves captured changes from the outbox to the node's own broker, oldest first, on its own thread. A batch is
 * sent as bundles of changes ({@link ChangeMessages}), one durable send each, then deleted from the outbox; a
 * crash in between sends it again: the broker drops a bundle it holds already, and the receiver ignores the
 * versions it holds in a bundle made differently. The broker is local (in-VM), so this works with the
 * link down: a mission's changes wait on {@link SyncQueues#OUTBOUND} for the bridge, headquarters' wait on each
 * mission's queue for the mission to fetch them.
 *
 * <p>Where a change goes: on a mission, a mission-owned change to {@link SyncQueues#OUTBOUND}; on
 * headquarters, a headquarters-owned change to the queue of its mission, or of every enrolled mission when it
 * is for all. Changes of the other side's types (a record made on headquarters for a mission with no node of
 * its own) stay where they were made.
 */
@Component(immediate = true, service = {})
public final class OutboxRelay implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    static final int BATCH = 200;
    /** Wait after a batch that was not full, so that changes made meanwhile travel together. */
    static final long LINGER_MILLIS = 100;
    /** Longest sleep with nothing rung: a safety net, the outbox rings on every capture. */
    private static final long IDLE_MILLIS = 2_000;

    private final OutboxStore outbox;
    private final ConnectionFactory factory;
    private final NodeInfo node;
    private final TypeRegistry types;
    private final SyncActivity activity;
    private final Documents documents;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15));
    private final Thread thread;
    private volatile boolean running = true;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MissionLinks links;

    @Activate
    public OutboxRelay(@Reference(target = "(diwan.schema=sync)") DataSource dataSource,
            @Reference(target = "(diwan.messaging=local)") ConnectionFactory factory, @Reference NodeInfo node,
            @Reference TypeRegistry types, @Reference SyncActivity activity, @Reference Documents documents) {
        this(new OutboxStore(dataSource), factory, node, types, activity, documents, null);
        thread.start();
    }

    OutboxRelay(OutboxStore outbox, ConnectionFactory factory, NodeInfo node, TypeRegistry types, SyncActivity activity,
            Documents documents, MissionLinks links) {
        this.documents = documents;
        this.outbox = outbox;
        this.factory = factory;
        this.node = node;
        this.types = types;
        this.activity = activity;
        this.links = links;
        this.thread = new Thread(this, "diwan-sync-relay");
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
        while (running) {
            try (Connection connection = factory.createConnection()) {
                // Not transacted: each bundle is one durable send the broker confirms. A repeat (the node stopped
                // between the broker's confirmation and the outbox's delete) is dropped by the broker on its own;
                // in a transaction it would fail the whole commit, for ever.
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(null);
                backoff.reset();
                while (running) {
                    int moved = relayBatch(session, producer);
                    if (moved == 0) {
                        activity.awaitRing(IDLE_MILLIS);
                    } else if (moved < BATCH) {
                        // changes are being made as we go: a moment's wait fills the next bundles, and every
                        // message saved is work saved on both brokers, the bridge and the link
                        Thread.sleep(LINGER_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    activity.failed("relaying the outbox", e);
                    sleep(backoff.nextMillis());
                }
            }
        }
    }

    /** Sends the oldest entries, bundled by destination in their order, and deletes them; returns how many it took out. */
    int relayBatch(Session session, MessageProducer producer) throws Exception {
        List<OutboxStore.Entry> entries = outbox.oldest(BATCH);
        List<OutboxStore.Entry> done = new ArrayList<>();
        Map<String, List<OutboxStore.Entry>> byQueue = new LinkedHashMap<>();
        int sent = 0;
        List<String> missions = enrolledMissions();
        for (OutboxStore.Entry entry : entries) {
            if (DocumentMessages.TYPE.equals(entry.change().type())) {
                sent += sendDocument(session, producer, entry);
                done.add(entry);
                continue;
            }
            Optional<SyncedType> type = types.find(entry.change().type());
            if (type.isEmpty()) {
                // its plugin is away: the entry waits in the outbox for it, the others go on
                continue;
            }
            for (String queue : destinations(entry, type.get().owner(), missions)) {
                byQueue.computeIfAbsent(queue, q -> new ArrayList<>()).add(entry);
            }
            done.add(entry);
        }
        for (Map.Entry<String, List<OutboxStore.Entry>> queue : byQueue.entrySet()) {
            for (List<OutboxStore.Entry> bundle : ChangeMessages.bundles(queue.getValue(), OutboxStore.Entry::change)) {
                producer.send(session.createQueue(queue.getKey()), ChangeMessages.toMessage(session,
                        bundle.stream().map(OutboxStore.Entry::change).toList(),
                        ChangeMessages.duplicateId(bundle.stream().map(OutboxStore.Entry::duplicateId).toList())));
                sent += bundle.size();
            }
        }
        if (!done.isEmpty()) {
            outbox.remove(done);
        }
        if (sent > 0) {
            activity.sent(sent);
        }
        return done.size();
    }

    /**
     * A mission's document to {@link SyncQueues#OUTBOUND_FILES}, streamed from the documents service. Headquarters'
     * documents do not travel yet (bulletins are rendered by each mission itself): their entries are dropped.
     */
    private int sendDocument(Session session, MessageProducer producer, OutboxStore.Entry entry) throws JMSException, IOException {
        if (node.role() != NodeRole.MISSION) {
            return 0;
        }
        Optional<StoredDocument> document = documents.find(entry.change().recordId());
        if (document.isEmpty()) {
            LOG.error("Sync: document {} is not in the documents service: not sent", entry.change().recordId());
            return 0;
        }
        try (InputStream content = documents.open(document.get().id())) {
            producer.send(session.createQueue(SyncQueues.OUTBOUND_FILES),
                    DocumentMessages.toMessage(session, document.get(), content, entry.change().missionCode()));
        }
        return 1;
    }

    private List<String> destinations(OutboxStore.Entry entry, NodeRole owner, List<String> missions) {
        if (owner != node.role()) {
            return List.of();
        }
        if (node.role() == NodeRole.MISSION) {
            return List.of(SyncQueues.OUTBOUND);
        }
        String mission = entry.change().missionCode();
        return missions.stream().filter(code -> mission == null || mission.equals(code)).map(SyncQueues::toMission).toList();
    }

    /** Headquarters' enrolled missions; none without a link (a mission enrolled later gets the current state then). */
    private List<String> enrolledMissions() {
        MissionLinks enrolled = links;
        return node.role() == NodeRole.HQ && enrolled != null ? enrolled.enrolled() : List.of();
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
