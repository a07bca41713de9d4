package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinkAlarmsTest {

    @Test
    void anAlarmIsToldOnceUntilClearedThoughEveryRefusalCounts() {
        List<String> told = new ArrayList<>();
        LinkAlarms alarms = new LinkAlarms((mission, alarm) -> told.add(mission + " " + alarm.kind() + " " + alarm.from()));

        alarms.raise("tun", LinkAlarms.OTHER_NODE, "192.0.2.9");
        alarms.raise("tun", LinkAlarms.OTHER_NODE, "192.0.2.9");
        alarms.raise("tun", LinkAlarms.NO_NODE_KEY, "192.0.2.10");
        assertThat(told).containsExactly("tun other-node 192.0.2.9");
        assertThat(alarms.of("tun")).hasValueSatisfying(a -> assertThat(a.count()).isEqualTo(3));

        alarms.clear("tun");
        alarms.raise("tun", LinkAlarms.NO_NODE_KEY, "192.0.2.10");
        assertThat(told).hasSize(2).last().isEqualTo("tun no-node-key 192.0.2.10");
    }
}
