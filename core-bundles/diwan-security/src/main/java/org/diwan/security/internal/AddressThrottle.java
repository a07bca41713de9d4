package org.diwan.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per address key ({@link AddressKey}) in a sliding window, in memory: one address
 * guessing many names is refused for a while even though no single name reaches its lock.
 *
 * <p>At most {@code capacity} addresses are tracked; beyond that the least recently seen is forgotten. An
 * attacker rotating through fresh addresses therefore pushes out only addresses that have gone quiet, never
 * the counters of addresses still attacking (each attempt makes its address recent again).
 */
final class AddressThrottle {

    static final int DEFAULT_CAPACITY = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures;

    AddressThrottle(int maxFailures, Duration window) {
        this(maxFailures, window, DEFAULT_CAPACITY);
    }

    AddressThrottle(int maxFailures, Duration window, int capacity) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** When the address may try again, or empty when it may now. */
    synchronized Optional<Instant> blockedUntil(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        prune(times, now);
        return times.size() >= maxFailures ? Optional.of(times.peekFirst().plus(window)) : Optional.empty();
    }

    synchronized void fail(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, a -> new ArrayDeque<>());
        times.addLast(now);
        // only the last maxFailures times decide, so each address costs a bounded amount of memory
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
        prune(times, now);
    }

    synchronized int size() {
        return failures.size();
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
