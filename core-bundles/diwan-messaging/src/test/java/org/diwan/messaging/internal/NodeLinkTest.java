package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import jakarta.jms.ConnectionFactory;

import org.diwan.api.sync.LinkMonitor;
import org.diwan.api.sync.LinkStatus;
import org.diwan.api.sync.MissionLinks;
import org.diwan.api.sync.SyncQueues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes without a link, or with one that cannot be set up: the broker runs and says why. */
class NodeLinkTest {

    @TempDir
    Path folder;

    @Test
    void hqWithoutListenPortHasNoLinkButAMonitor() throws Exception {
        try (TestBroker hq = TestBroker.start(folder)) {
            LinkStatus status = hq.status();
            assertThat(status).isEqualTo(new LinkStatus("hq", false, "", false, 0, List.of(), "", null));
            assertThat(hq.service(MissionLinks.class, null)).isNull();
            assertThat(hq.broker.server().getConfiguration().isPopulateValidatedUser()).isFalse();
            assertThat(hq.broker.server().locateQueue(SyncQueues.INBOUND)).isNull();
        }
    }

    @Test
    void missionWithoutHqAddressKeepsItsOutboundQueue() throws Exception {
        TestLink link = TestLink.hq();
        link.role = "mission";
        link.mission = "kbl";
        try (TestBroker mission = new TestBroker(folder, TestBroker.freePort(), link)) {
            try (TestBroker.TcpSession local = mission.openTcp()) {
                local.send(SyncQueues.OUTBOUND, "waits for a link", "w-1");
            }
            LinkStatus status = mission.status();
            assertThat(status.role()).isEqualTo("mission");
            assertThat(status.enabled()).isFalse();
            assertThat(status.outbound()).isEqualTo(1);
            assertThat(status.lastError()).isEmpty();
            assertThat(mission.service(ConnectionFactory.class, "hq")).isNull();
            assertThat(mission.broker.server().getClusterManager().getBridges()).isEmpty();
        }
    }

    @Test
    void missionWithoutMissionCodeRunsOfflineAndSaysWhy() throws Exception {
        TestLink link = TestLink.hq();
        link.role = "mission";
        link.hqAddress = "hq.example.org:61617";
        link.secret = "x".repeat(43);
        try (TestBroker mission = new TestBroker(folder, TestBroker.freePort(), link)) {
            LinkStatus status = mission.status();
            assertThat(status.enabled()).isTrue();
            assertThat(status.endpoint()).isEqualTo("hq.example.org:61617");
            assertThat(status.lastError()).contains(LinkSettings.MISSION_PROPERTY);
            assertThat(mission.broker.server().locateQueue(SyncQueues.OUTBOUND)).isNotNull();
        }
    }

    @Test
    void anUnknownRoleStopsTheBroker() {
        TestLink link = TestLink.hq();
        link.role = "branch";
        assertThatThrownBy(() -> new TestBroker(folder, TestBroker.freePort(), link)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("branch");
    }

    @Test
    void monitorIsWithdrawnWithTheBroker() throws Exception {
        TestBroker hq = TestBroker.start(folder);
        hq.close();
        assertThat(hq.service(LinkMonitor.class, null)).isNull();
        assertThat(hq.registrations).allMatch(registration -> registration.withdrawn);
    }
}
