package org.diwan.messaging.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Headquarters' alarms about mission identities: a login with a mission's right secret from a node that is not the
 * one the mission is bound to, with no node key at all, or from a second running copy of the mission's node. Such a
 * login is refused; the alarm stays on the sync page
 * until the mission is enrolled again (the answer to a leaked secret). Kept in memory: the log keeps the record.
 */
final class LinkAlarms {

    /** The latest refused login of a mission's identity. */
    record Alarm(String kind, String from, Instant at, int count) {
    }

    static final String OTHER_NODE = "other-node";
    static final String NO_NODE_KEY = "no-node-key";
    /** Two running nodes with the mission's secret and node key: a data folder copied whole. */
    static final String TWO_NODES = "two-nodes";

    /** Told of an alarm when it is raised, not again for the refusals that follow until it is cleared. */
    @FunctionalInterface
    interface Listener {
        Listener NONE = (mission, alarm) -> { };

        void raised(String mission, Alarm alarm);
    }

    private final Map<String, Alarm> alarms = new ConcurrentHashMap<>();
    private final Listener listener;

    LinkAlarms() {
        this(Listener.NONE);
    }

    LinkAlarms(Listener listener) {
        this.listener = listener;
    }

    void raise(String mission, String kind, String from) {
        Alarm raised = alarms.merge(mission, new Alarm(kind, from, Instant.now(), 1),
                (old, fresh) -> new Alarm(fresh.kind(), fresh.from(), fresh.at(), old.count() + 1));
        if (raised.count() == 1) {
            listener.raised(mission, raised);
        }
    }

    Optional<Alarm> of(String mission) {
        return Optional.ofNullable(alarms.get(mission));
    }

    void clear(String mission) {
        alarms.remove(mission);
    }
}
