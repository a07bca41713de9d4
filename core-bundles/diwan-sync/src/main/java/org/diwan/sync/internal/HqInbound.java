package org.diwan.sync.internal;

import java.time.Duration;

import jakarta.jms.ConnectionFactory;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncQueues;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * On headquarters: applies what the missions send, from {@link SyncQueues#INBOUND} on the node's own broker,
 * where their bridges deliver it. Each message carries the mission its sender logged in as. Idle elsewhere.
 */
@Component(immediate = true, service = HqInbound.class)
public final class HqInbound {

    private final ChangeReceiver receiver;

    @Activate
    public HqInbound(@Reference(target = "(diwan.messaging=local)") ConnectionFactory factory, @Reference NodeInfo node,
            @Reference ChangeApplier applier, @Reference SyncActivity activity) {
        if (node.role() == NodeRole.HQ) {
            receiver = new ChangeReceiver("from-missions", factory, SyncQueues.INBOUND, true, applier, activity,
                    Duration.ofMillis(500), Duration.ofSeconds(15));
            receiver.start();
        } else {
            receiver = null;
        }
    }

    @Deactivate
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }
}
