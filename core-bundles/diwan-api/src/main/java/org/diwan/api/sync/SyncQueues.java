package org.diwan.api.sync;

/**
 * The broker addresses of the link, shared by the messaging bundle (which moves messages between brokers)
 * and the sync bundle (which fills and empties them). All are durable anycast queues.
 */
public final class SyncQueues {

    /** On a mission node: changes waiting for the link; the broker's bridge forwards them to {@link #INBOUND}. */
    public static final String OUTBOUND = "diwan.sync.outbound";

    /** On headquarters: changes from every mission, each stamped with the mission's authenticated user. */
    public static final String INBOUND = "diwan.sync.inbound";

    /**
     * On a mission node: documents' content waiting for the link, forwarded by a bridge of its own to
     * {@link #INBOUND_FILES}, so that a large file never holds up the records behind it.
     */
    public static final String OUTBOUND_FILES = "diwan.sync.outbound.files";

    /** On headquarters: documents' content from every mission, stamped like {@link #INBOUND}. */
    public static final String INBOUND_FILES = "diwan.sync.inbound.files";

    /** On headquarters, followed by a mission code: changes waiting for that mission to fetch them. */
    public static final String TO_MISSION_PREFIX = "diwan.sync.to.";

    /** Message property of a document's content: the mission it belongs to. */
    public static final String PROPERTY_MISSION = "diwanMission";

    /**
     * The broker's duplicate-detection property (Artemis's {@code _AMQ_DUPL_ID}): a message whose value the
     * address has already seen is dropped, however often a link resends it.
     */
    public static final String PROPERTY_DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Set by headquarters' broker on every message a mission sends: the user the mission logged in as. */
    public static final String PROPERTY_VALIDATED_USER = "_AMQ_VALIDATED_USER";

    private SyncQueues() {
    }

    public static String toMission(String missionCode) {
        return TO_MISSION_PREFIX + missionCode;
    }
}
