package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker blocks senders by how much disk is left, not by the share of the disk used: a node on a large disk that
 * is 90 % full still has gigabytes to work with, and a blocked broker stops bulletins and sync.
 */
class DiskReserveTest {

    private static final int SCAN_MILLIS = 100;

    @TempDir
    Path folder;

    @Test
    void blocksSendersOnlyBelowTheFreeDiskReserve() throws Exception {
        assertThat(diskFullWithReserve(1, 901)).as("1 MiB reserve").isFalse();
        // more than any disk here has free: the reserve, not the percentage, decides
        assertThat(diskFullWithReserve(Integer.MAX_VALUE, 902)).as("a reserve larger than the disk").isTrue();
    }

    @Test
    void turnsArtemisPercentageRuleOff() throws Exception {
        ConfigurationImpl config = BrokerConfiguration.build(TestBroker.LOOPBACK, TestBroker.freePort(), 16, 512, folder, 903);
        assertThat(config.getMaxDiskUsage()).isEqualTo(-1);
        assertThat(config.getMinDiskFree()).isEqualTo(512L * 1024 * 1024);
    }

    private boolean diskFullWithReserve(int reserveMb, int vmServerId) throws Exception {
        ConfigurationImpl config = BrokerConfiguration.build(TestBroker.LOOPBACK, TestBroker.freePort(), 16, reserveMb,
                folder.resolve("reserve-" + reserveMb), vmServerId);
        config.setDiskScanPeriod(SCAN_MILLIS);
        ActiveMQServer server = ActiveMQServers.newActiveMQServer(config, true);
        server.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(server::isActive);
            // a few scans of the disk monitor
            Thread.sleep(SCAN_MILLIS * 5L);
            return server.getPagingManager().isDiskFull();
        } finally {
            server.stop();
        }
    }
}
