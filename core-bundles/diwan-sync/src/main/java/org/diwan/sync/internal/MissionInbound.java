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
 * On a mission with a link: fetches what headquarters keeps for it, from its queue on headquarters' broker,
 * over the connection the mission opens (the messaging bundle registers that factory only when the link is
 * configured). Reconnects by itself while headquarters is away.
 */
@Component(immediate = true, service = MissionInbound.class)
public final class MissionInbound {

    private final ChangeReceiver receiver;

    @Activate
    public MissionInbound(@Reference(target = "(diwan.messaging=hq)") ConnectionFactory hq, @Reference NodeInfo node,
            @Reference ChangeApplier applier, @Reference SyncActivity activity) {
        String code = node.missionCode().orElse(null);
        if (node.role() == NodeRole.MISSION && code != null) {
            receiver = new ChangeReceiver("from-hq", hq, SyncQueues.toMission(code), false, applier, activity,
                    Duration.ofSeconds(1), Duration.ofSeconds(30));
            receiver.start();
        } else {
            receiver = null;
        }
    }

    boolean connected() {
        return receiver != null && receiver.connected();
    }

    @Deactivate
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }
}
