package org.diwan.sync.internal;

import java.time.Duration;

/** Waits that double after each failure, up to a ceiling, and start over after a success. */
final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long next;

    Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.next = firstMillis;
    }

    /** The wait before the next attempt; the one after it is twice as long. */
    long nextMillis() {
        long wait = next;
        next = Math.min(maxMillis, next * 2);
        return wait;
    }

    void reset() {
        next = firstMillis;
    }
}
