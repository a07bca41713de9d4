package org.diwan.sync.internal;

import java.time.Duration;
import java.util.List;

import jakarta.jms.ConnectionFactory;

import org.diwan.api.documents.Documents;
import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncQueues;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * On headquarters: applies what the missions send, from {@link SyncQueues#INBOUND} on the node's own broker,
 * where their bridges deliver it, and stores the documents they send on {@link SyncQueues#INBOUND_FILES}. Each message carries the mission its sender logged in as. Idle elsewhere.
 */
@Component(immediate = true, service = HqInbound.class)
public final class HqInbound {

    private final List<QueueReceiver> receivers;

    @Activate
    public HqInbound(@Reference(target = "(diwan.messaging=local)") ConnectionFactory factory, @Reference NodeInfo node,
            @Reference ChangeApplier applier, @Reference SyncActivity activity, @Reference Documents documents) {
        if (node.role() == NodeRole.HQ) {
            receivers = List.of(new ChangeReceiver("from-missions", factory, SyncQueues.INBOUND, true, applier, activity,
                    Duration.ofMillis(500), Duration.ofSeconds(15)), new DocumentReceiver(factory, documents, applier, activity));
            receivers.forEach(QueueReceiver::start);
        } else {
            receivers = List.of();
        }
    }

    @Deactivate
    void stop() {
        receivers.forEach(QueueReceiver::stop);
    }
}
