package org.diwan.messaging.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which start of each mission's node holds its link at headquarters: one live link per mission identity.
 *
 * <p>A mission node sends a new random instance id with every start ({@link MissionCredential}). A new id takes the
 * link over: that is a restart, and the connections of the start before are cut (after a crash they would linger
 * until their TTL). An id that was taken over and logs in again cannot be a restart, since ids are never reused: it
 * is a second node still running with the same secret and key, a copied data folder, and its login is refused with
 * an alarm. Headquarters cannot know which of the two is the real one: the one holding the link keeps it until an
 * administrator enrols the mission again, which {@link #forget}s what is kept here.
 *
 * <p>In memory only: after a restart of headquarters the first id to log in holds the link, and a copy still
 * running shows itself the next time the two alternate.
 */
final class MissionInstances {

    /** How many taken-over ids are remembered per mission; a copy's id stays among them as long as it retries. */
    private static final int REMEMBERED = 64;

    enum Login {
        /** The instance holding the link, or the first one since headquarters started (or the mission's enrolment). */
        HOLDER,
        /** A new start took the link over from another instance, whose connections must be cut. */
        TOOK_OVER,
        /** An instance that was taken over came back: two nodes run with one identity. */
        RETURNED
    }

    private static final class Holder {
        private String instance;
        private final Set<String> takenOver = new LinkedHashSet<>();
    }

    private final Map<String, Holder> missions = new HashMap<>();

    /** @param instance empty from a node older than this check: it cannot be told apart and counts as the holder */
    synchronized Login login(String mission, String instance) {
        if (instance.isEmpty()) {
            return Login.HOLDER;
        }
        Holder holder = missions.computeIfAbsent(mission, code -> new Holder());
        if (holder.instance == null || holder.instance.equals(instance)) {
            holder.instance = instance;
            return Login.HOLDER;
        }
        if (holder.takenOver.contains(instance)) {
            return Login.RETURNED;
        }
        holder.takenOver.add(holder.instance);
        if (holder.takenOver.size() > REMEMBERED) {
            holder.takenOver.remove(holder.takenOver.iterator().next());
        }
        holder.instance = instance;
        return Login.TOOK_OVER;
    }

    /** The instance that holds the mission's link now, if any. */
    synchronized String holder(String mission) {
        Holder holder = missions.get(mission);
        return holder == null ? null : holder.instance;
    }

    /** After an enrolment or a revocation: the next login starts over. */
    synchronized void forget(String mission) {
        missions.remove(mission);
    }
}
