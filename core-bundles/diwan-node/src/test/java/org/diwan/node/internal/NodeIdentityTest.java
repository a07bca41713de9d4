package org.diwan.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.diwan.api.node.NodeRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {

    @TempDir
    Path data;

    @Test
    void makesAnIdAtTheFirstStartAndKeepsIt() throws Exception {
        NodeIdentity first = new NodeIdentity(data, null, null);
        NodeIdentity again = new NodeIdentity(data, "hq", null);
        assertThat(first.nodeId()).isEqualTo(again.nodeId()).matches("[0-9a-f-]{36}");
        assertThat(Files.readString(data.resolve(NodeIdentity.ID_FILE)).strip()).isEqualTo(first.nodeId());
        assertThat(first.role()).isEqualTo(NodeRole.HQ);
        assertThat(first.missionCode()).isEmpty();
    }

    @Test
    void aMissionNodeHasItsMissionCode() throws Exception {
        NodeIdentity mission = new NodeIdentity(data, " Mission ", "cai-01");
        assertThat(mission.role()).isEqualTo(NodeRole.MISSION);
        assertThat(mission.missionCode()).contains("CAI-01");
    }

    @Test
    void refusesAnUnknownRoleAMissionWithoutCodeAndABrokenIdFile() throws Exception {
        assertThatThrownBy(() -> new NodeIdentity(data, "branch", null)).hasMessageContaining("'hq' or 'mission'");
        assertThatThrownBy(() -> new NodeIdentity(data, "mission", " ")).hasMessageContaining("DIWAN_MISSION_CODE");
        assertThatThrownBy(() -> new NodeIdentity(data, "mission", "القاهرة")).hasMessageContaining("DIWAN_MISSION_CODE");
        Files.writeString(data.resolve(NodeIdentity.ID_FILE), "not a uuid");
        assertThatThrownBy(() -> new NodeIdentity(data, "hq", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
