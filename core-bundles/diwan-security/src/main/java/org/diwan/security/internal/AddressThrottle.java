package org.diwan.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per remote address in a sliding window, in memory: one address guessing many
 * accounts is refused for a while even though no single account reaches its lockout.
 */
final class AddressThrottle {

    /** Beyond this many addresses the oldest are forgotten, so a flood of addresses cannot fill the heap. */
    private static final int MAX_ADDRESSES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    AddressThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** When the address may try again, or empty when it may now. */
    synchronized Optional<Instant> blockedUntil(String address, Instant now) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return Optional.empty();
        }
        prune(times, now);
        return times.size() >= maxFailures ? Optional.of(times.peekFirst().plus(window)) : Optional.empty();
    }

    synchronized void fail(String address, Instant now) {
        if (failures.size() >= MAX_ADDRESSES && !failures.containsKey(address)) {
            evictStale(now);
        }
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        times.addLast(now);
        prune(times, now);
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private void evictStale(Instant now) {
        for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext();) {
            Deque<Instant> times = it.next();
            prune(times, now);
            if (times.isEmpty()) {
                it.remove();
            }
        }
        if (failures.size() >= MAX_ADDRESSES) {
            failures.clear();
        }
    }
}
