package org.diwan.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * When failed logins lock, decided from their times alone (so that the rules can be tested without a
 * database):
 * <ul>
 * <li>a login name from one address key: {@code maxFailures} failures within {@code window} lock that pair
 * for {@code lock}; each further lock of the same pair within {@link #memory()} lasts twice as long, up to
 * {@code maxLock}. Attempts during a lock are refused unchecked and not counted, so they never extend it;</li>
 * <li>a whole account: {@code accountFailuresPerHour} failures from all addresses within an hour refuse the
 * account to every address it has never logged in from, until the hour's count drops again (0: never).</li>
 * </ul>
 * The per-address limit over all names ({@code maxAddressFailures}) is counted by {@link AddressThrottle}.
 */
record LockoutRules(int maxFailures, Duration window, Duration lock, Duration maxLock, int maxAddressFailures,
        int accountFailuresPerHour) {

    static final Duration HOUR = Duration.ofHours(1);
    /** How long failures are kept: the owner's notice reports those since their last login, within this. */
    static final Duration RETENTION = Duration.ofDays(30);
    /** An address the account logged in from within this time is "known" and passes an account-wide lock. */
    static final Duration KNOWN_FOR = Duration.ofDays(90);

    static LockoutRules from(LockoutConfig config) {
        return new LockoutRules(Math.max(1, config.maxFailures()), Duration.ofMinutes(Math.max(1, config.windowMinutes())),
                Duration.ofMinutes(Math.max(1, config.lockMinutes())),
                Duration.ofMinutes(Math.max(config.lockMinutes(), config.maxLockMinutes())),
                Math.max(1, config.maxAddressFailures()), Math.max(0, config.accountFailuresPerHour()));
    }

    /** How far back the failures of a pair decide whether, and how long, it is locked. */
    Duration memory() {
        Duration day = Duration.ofDays(1);
        Duration needed = maxLock.plus(window);
        return needed.compareTo(day) > 0 ? needed : day;
    }

    /** Until when the pair whose failures these are (oldest first, those that still count) is locked, if it is now. */
    Optional<Instant> pairLockedUntil(List<Instant> failures, Instant now) {
        Deque<Instant> run = new ArrayDeque<>();
        Instant until = null;
        int locks = 0;
        for (Instant at : failures) {
            if (until != null && at.isBefore(until)) {
                continue; // recorded by a concurrent attempt while the lock was being set: it does not extend it
            }
            Instant oldest = at.minus(window);
            while (!run.isEmpty() && !run.peekFirst().isAfter(oldest)) {
                run.removeFirst();
            }
            run.addLast(at);
            if (run.size() >= maxFailures) {
                locks++;
                until = at.plus(lockFor(locks));
                run.clear();
            }
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** The length of the n-th lock (from 1) of a pair: doubling, capped. */
    Duration lockFor(int n) {
        Duration length = lock;
        for (int i = 1; i < n && length.compareTo(maxLock) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(maxLock) > 0 ? maxLock : length;
    }

    /** Until when the account refuses unknown addresses, given its failures of the last hour (oldest first). */
    Optional<Instant> accountLockedUntil(List<Instant> lastHour, Instant now) {
        if (accountFailuresPerHour <= 0 || lastHour.size() < accountFailuresPerHour) {
            return Optional.empty();
        }
        Instant until = lastHour.get(lastHour.size() - accountFailuresPerHour).plus(HOUR);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
