package org.diwan.sync.internal;

import java.time.Duration;

import jakarta.jms.ConnectionFactory;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.diwan.api.sync.SyncQueues;
import org.osgi.framework.BundleContext;
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
    public MissionInbound(BundleContext context, @Reference(target = "(diwan.messaging=hq)") ConnectionFactory hq,
            @Reference NodeInfo node, @Reference ChangeApplier applier, @Reference SyncActivity activity) {
        String code = node.missionCode().orElse(null);
        if (node.role() == NodeRole.MISSION && code != null) {
            // the same pace as the broker's bridge to headquarters (etc/custom.system.properties, DIWAN_LINK_RETRY_*)
            receiver = new ChangeReceiver("from-hq", hq, SyncQueues.toMission(code), false, applier, activity,
                    millis(context.getProperty("diwan.link.retry.ms"), 1_000), millis(context.getProperty("diwan.link.retry.max.ms"), 30_000));
            receiver.start();
        } else {
            receiver = null;
        }
    }

    private static Duration millis(String value, long fallback) {
        try {
            return Duration.ofMillis(Math.max(100, value == null || value.isBlank() ? fallback : Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofMillis(fallback);
        }
    }

    @Deactivate
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }
}
