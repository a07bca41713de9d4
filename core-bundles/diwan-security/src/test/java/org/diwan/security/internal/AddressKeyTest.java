package org.diwan.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressKeyTest {

    @Test
    void countsIpv4AddressesAlone() {
        assertThat(AddressKey.of("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AddressKey.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void countsIpv6AddressesByTheirSlash64() {
        assertThat(AddressKey.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressKey.of("2001:0db8:0001:0002:ffff:eeee:dddd:cccc")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressKey.of("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressKey.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(AddressKey.of("2001:db8:1:3::1")).isNotEqualTo(AddressKey.of("2001:db8:1:2::1"));
    }

    @Test
    void keepsAnythingElseAsGivenWithoutLookingItUp() {
        assertThat(AddressKey.of("ssh")).isEqualTo("ssh");
        assertThat(AddressKey.of("example.org")).isEqualTo("example.org");
        assertThat(AddressKey.of(null)).isEqualTo("local");
        assertThat(AddressKey.of("x".repeat(100))).hasSize(64);
    }
}
