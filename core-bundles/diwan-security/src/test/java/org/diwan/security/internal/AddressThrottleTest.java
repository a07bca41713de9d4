package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class AddressThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private final AddressThrottle throttle = new AddressThrottle(3, Duration.ofMinutes(15));

    @Test
    void refusesAnAddressAtItsLimitUntilTheOldestFailureLeavesTheWindow() {
        throttle.fail("203.0.113.5", NOW);
        throttle.fail("203.0.113.5", NOW.plusSeconds(60));
        assertThat(throttle.blockedUntil("203.0.113.5", NOW.plusSeconds(61))).isEmpty();
        throttle.fail("203.0.113.5", NOW.plusSeconds(120));
        assertThat(throttle.blockedUntil("203.0.113.5", NOW.plusSeconds(121))).contains(NOW.plus(Duration.ofMinutes(15)));
        assertThat(throttle.blockedUntil("203.0.113.6", NOW.plusSeconds(121))).isEmpty();
        assertThat(throttle.blockedUntil("203.0.113.5", NOW.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void aFloodOfFreshAddressesForgetsQuietOnesButNotAnAttackerStillTrying() {
        throttle.fail("198.51.100.1", NOW);
        throttle.fail("198.51.100.1", NOW);
        for (int i = 0; i <= AddressThrottle.DEFAULT_CAPACITY; i++) {
            if (i == AddressThrottle.DEFAULT_CAPACITY / 2) {
                // the attacker's next login is checked first, as LoginService does: that keeps it recent
                assertThat(throttle.blockedUntil("198.51.100.1", NOW)).isEmpty();
            }
            throttle.fail("fresh-" + i, NOW);
        }
        assertThat(throttle.size()).isEqualTo(AddressThrottle.DEFAULT_CAPACITY);
        throttle.fail("198.51.100.1", NOW);
        assertThat(throttle.blockedUntil("198.51.100.1", NOW)).as("still counted after 10,001 other addresses").isPresent();
        assertThat(throttle.size()).isEqualTo(AddressThrottle.DEFAULT_CAPACITY);
    }
}
