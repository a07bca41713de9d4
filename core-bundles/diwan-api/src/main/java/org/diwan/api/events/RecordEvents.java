package org.diwan.api.events;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a plugin publishes its records' events, in the transaction that makes the change.
 *
 * <p>The event is written to the node's event outbox through the caller's connection: it commits or rolls back with
 * the change, so a change that did not happen is never announced and one that did is never lost. After the commit
 * the node sends it, persistent and at most once per event (the broker's duplicate detection), to the multicast
 * address {@link RecordEvent#address()}. While the broker is away the events wait in the outbox, in order.
 */
@ProviderType
public interface RecordEvents {

    /** Every record event's address starts with this; an integrator can subscribe to {@code diwan.events.#}. */
    String ADDRESS_PREFIX = "diwan.events.";

    /** JMS string property: the plugin id. */
    String PLUGIN = "DiwanPlugin";
    /** JMS string property: the record type. */
    String TYPE = "DiwanType";
    /** JMS string property: the record's id. */
    String RECORD_ID = "DiwanRecordId";
    /** JMS long property: the record's version after the change. */
    String VERSION = "DiwanVersion";
    /** JMS string property: {@code created}, {@code changed}, {@code deleted} or {@code state-changed}. */
    String EVENT = "DiwanEvent";
    /** JMS string property: the user name that made the change. */
    String ACTOR = "DiwanActor";
    /** JMS string property: the id of the node where the change was made. */
    String NODE = "DiwanNode";
    /** JMS string property: the event's own id (a UUID), the same on a resend. */
    String EVENT_ID = "DiwanEventId";
    /** JMS string property: when the change was made, ISO-8601 UTC. */
    String OCCURRED_AT = "DiwanOccurredAt";
    /** JMS string properties of a state-changed event: the states before and after. */
    String FROM_STATE = "DiwanFromState";
    String TO_STATE = "DiwanToState";

    /**
     * Adds the event to the outbox through the caller's connection. Call it after the write, with the record's new
     * version, before the caller commits.
     *
     * @throws SQLException as the caller's own statements would
     */
    void publish(Connection connection, RecordEvent event) throws SQLException;
}
