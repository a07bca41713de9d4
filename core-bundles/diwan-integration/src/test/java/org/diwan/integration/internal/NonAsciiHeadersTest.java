package org.diwan.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.junit.jupiter.api.Test;

class NonAsciiHeadersTest {

    @Test
    void sendsOtherCharactersThanPrintableAsciiAsAnRfc8187Value() {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("POST", "/");
        request.addHeader("DiwanBulletinTitle", "Bulletin de la mission – novembre");
        request.addHeader("DiwanBulletinTitle", "نشرة");
        request.addHeader("DiwanBulletinId", "b-17 (100% + more)");
        request.addHeader("X-Injected", "a\r\nX-Evil: 1");

        new NonAsciiHeaders().process(request, null, null);

        assertThat(request.getHeaders("DiwanBulletinTitle")).extracting(h -> h.getValue()).containsExactly(
                "UTF-8''Bulletin%20de%20la%20mission%20%E2%80%93%20novembre", "UTF-8''%D9%86%D8%B4%D8%B1%D8%A9");
        assertThat(request.getFirstHeader("DiwanBulletinId").getValue()).isEqualTo("b-17 (100% + more)");
        assertThat(request.getFirstHeader("X-Injected").getValue()).isEqualTo("UTF-8''a%0D%0AX-Evil%3A%201");
        assertThat(request.getHeaders()).hasSize(4);
    }

    @Test
    void encodesWhatUrlDecoderReadsBack() {
        String value = "نشرة + Bulletin n°11, 2026/11 & more";

        String encoded = NonAsciiHeaders.encode(value);

        assertThat(encoded).startsWith(NonAsciiHeaders.PREFIX).doesNotContain("+").doesNotContain(" ");
        assertThat(URLDecoder.decode(encoded.substring(NonAsciiHeaders.PREFIX.length()), StandardCharsets.UTF_8))
                .isEqualTo(value);
    }
}
