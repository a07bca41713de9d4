package org.diwan.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkSettingsTest {

    @Test
    void parsesHostsPortsAndIpv6() {
        LinkSettings.HostPort name = LinkSettings.HostPort.parse(" hq.example.org:61617 ", "x");
        assertThat(name).isEqualTo(new LinkSettings.HostPort("hq.example.org", 61617));
        assertThat(name.isIpAddress()).isFalse();
        assertThat(name.toString()).isEqualTo("hq.example.org:61617");
        assertThat(LinkSettings.HostPort.parse("10.1.2.3:1", "x").isIpAddress()).isTrue();
        LinkSettings.HostPort v6 = LinkSettings.HostPort.parse("[fd00::1]:443", "x");
        assertThat(v6.host()).isEqualTo("[fd00::1]");
        assertThat(v6.bareHost()).isEqualTo("fd00::1");
        assertThat(v6.isIpAddress()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hq", "hq:0", "hq:70000", "hq:61617;sslEnabled=false", "hq:61617?x=1", "a b:1", "hq:61617/x", ":61617",
        "-hq:1", "fd00::1:443", "hq,O=x:1"})
    void refusesAnythingButHostColonPort(String text) {
        assertThatThrownBy(() -> LinkSettings.HostPort.parse(text, "hqAddress")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hqAddress");
    }

    @Test
    void roleDefaultsToHqAndRefusesOthers() {
        assertThat(LinkSettings.role(Map.<String, String>of()::get)).isEqualTo("hq");
        assertThat(LinkSettings.role(Map.of(LinkSettings.ROLE_PROPERTY, " MISSION ")::get)).isEqualTo("mission");
        assertThatThrownBy(() -> LinkSettings.role(Map.of(LinkSettings.ROLE_PROPERTY, "branch")::get)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missionCodesAreReadAsNodeIdentityReadsThem() {
        assertThat(LinkSettings.missionCode(" kbl-2 ")).isEqualTo("KBL-2");
        assertThatThrownBy(() -> LinkSettings.missionCode(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkSettings.missionCode("K")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkSettings.missionCode("-KBL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void certificateDefaultsToKarafEtc() {
        Map<String, String> framework = Map.of(LinkSettings.ETC_PROPERTY, "/opt/diwan/etc");
        assertThat(LinkSettings.certificatePath("${karaf.etc}/diwan-hq.pem", framework::get)).isEqualTo(Path.of("/opt/diwan/etc/diwan-hq.pem"));
        assertThat(LinkSettings.certificatePath("", framework::get)).isEqualTo(Path.of("/opt/diwan/etc/diwan-hq.pem"));
        assertThat(LinkSettings.certificatePath("/srv/hq.pem", Map.<String, String>of()::get)).isEqualTo(Path.of("/srv/hq.pem"));
        assertThatThrownBy(() -> LinkSettings.certificatePath("", Map.<String, String>of()::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missionSettingsNeedASecretAndKeepItOutOfToString() {
        TestLink link = TestLink.hq();
        link.role = "mission";
        link.hqAddress = "hq.example.org:61617";
        link.hqCertificate = "/srv/hq.pem";
        Map<String, String> framework = Map.of(LinkSettings.MISSION_PROPERTY, "kbl");
        assertThatThrownBy(() -> LinkSettings.Mission.of(link.config(), framework::get)).hasMessageContaining("secret");

        link.secret = "s3cret-s3cret-s3cret";
        link.retryIntervalMs = 10;
        link.maxRetryIntervalMs = 5;
        LinkSettings.Mission mission = LinkSettings.Mission.of(link.config(), framework::get);
        assertThat(mission.code()).isEqualTo("KBL");
        assertThat(mission.retryIntervalMs()).isEqualTo(100);
        assertThat(mission.maxRetryIntervalMs()).isEqualTo(100);
        assertThat(mission.toString()).doesNotContain("s3cret");
    }

    @Test
    void hqPublicAddressDefaultsToThisHostAndTheListenPort() {
        TestLink link = TestLink.hq(61617);
        link.publicAddress = "";
        LinkSettings.Hq hq = LinkSettings.Hq.of(link.config());
        assertThat(hq.publicAddress().port()).isEqualTo(61617);
        assertThat(hq.publicAddress().host()).isNotBlank();
        assertThat(hq.listenEndpoint()).isEqualTo("127.0.0.1:61617");
        link.listenPort = 70_000;
        assertThatThrownBy(() -> LinkSettings.Hq.of(link.config())).isInstanceOf(IllegalArgumentException.class);
    }
}
