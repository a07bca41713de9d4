package org.diwan.api.events;

/** What happened to a record; {@link #segment()} is the last part of the bus address and the {@code DiwanEvent} property. */
public enum EventKind {
    CREATED("created"),
    CHANGED("changed"),
    DELETED("deleted"),
    /** The record moved from one workflow state to another; the event carries both states. */
    STATE_CHANGED("state-changed");

    private final String segment;

    EventKind(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    /** The kind whose {@link #segment()} this is. */
    public static EventKind ofSegment(String segment) {
        for (EventKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no record event '" + segment + "'");
    }
}
