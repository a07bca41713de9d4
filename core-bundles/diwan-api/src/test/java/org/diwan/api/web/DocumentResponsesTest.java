package org.diwan.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class DocumentResponsesTest {

    @Test
    void onlyRasterImagesPdfSoundAndVideoShowInline() {
        for (String type : new String[] {"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "audio/mpeg", "video/mp4",
                "IMAGE/PNG", "application/pdf; charset=binary"}) {
            assertThat(DocumentResponses.showsInline(type)).as(type).isTrue();
        }
        for (String type : new String[] {"image/svg+xml", "text/html", "application/xhtml+xml", "application/xml", "text/xml", "image/x-icon",
                "application/octet-stream", "text/plain", "video/vnd.something+xml", "", null}) {
            assertThat(DocumentResponses.showsInline(type)).as(type).isFalse();
        }
    }

    @Test
    void anSvgAskedInlineIsSavedSandboxedAndNeverSniffed() throws Exception {
        Recorded svg = send("image/svg+xml", "logo.svg", true);
        assertThat(svg.headers.get("Content-Disposition")).startsWith("attachment;");
        assertThat(svg.headers.get("Content-Security-Policy")).startsWith("sandbox;").contains("default-src 'none'");
        assertThat(svg.headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(svg.body.toString()).isEqualTo("<svg/>");
    }

    @Test
    void aPdfAskedInlineIsShownInTheSandbox() throws Exception {
        Recorded pdf = send("application/pdf", "قرار.pdf", true);
        assertThat(pdf.headers.get("Content-Disposition")).startsWith("inline;").contains("filename*=UTF-8''%D9%82");
        assertThat(pdf.headers.get("Content-Security-Policy")).startsWith("sandbox;");
        assertThat(send("application/pdf", "a.pdf", false).headers.get("Content-Disposition")).startsWith("attachment;");
    }

    private static Recorded send(String type, String name, boolean inline) throws Exception {
        Recorded r = new Recorded();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                r.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(DocumentResponsesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> r.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> r.headers.put("Content-Type", (String) args[0]);
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        DocumentResponses.send(response, type, name, 6, new ByteArrayInputStream("<svg/>".getBytes()), inline);
        return r;
    }

    private static final class Recorded {
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }
}
