package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.MultipartConfigElement;
import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class UploadGateTest {

    private static final long DOCUMENTS = 25L * 1024 * 1024;

    @Test
    void aBodyDeclaredLargerThanTheDocumentsLimitIsRefusedBeforeItIsRead() {
        assertThat(UploadGate.declaredTooLarge(request("multipart/form-data; boundary=x", 2L * 1024 * 1024 * 1024), DOCUMENTS)).isTrue();
        assertThat(UploadGate.declaredTooLarge(request("multipart/form-data; boundary=x", DOCUMENTS + UploadGate.ENVELOPE), DOCUMENTS)).isFalse();
        assertThat(UploadGate.declaredTooLarge(request("multipart/form-data; boundary=x", -1), DOCUMENTS)).isFalse();
        assertThat(UploadGate.declaredTooLarge(request("application/x-www-form-urlencoded", UploadGate.FORM_LIMIT + 1), DOCUMENTS)).isTrue();
        assertThat(UploadGate.declaredTooLarge(request("application/json", DOCUMENTS + 1), DOCUMENTS)).isTrue();
        assertThat(UploadGate.declaredTooLarge(request("application/json", 4096), DOCUMENTS)).isFalse();
    }

    @Test
    void aStreamedUploadIsCutAtTheDocumentsLimitWhateverTheServletDeclared() {
        HttpServletRequest upload = request("multipart/form-data; boundary=x", -1);
        upload.setAttribute(UploadGate.JETTY_MULTIPART_CONFIG, new MultipartConfigElement("/tmp/x", 1L << 30, (1L << 30) + 1, 4096));
        UploadGate.cutAt(upload, DOCUMENTS);
        MultipartConfigElement cut = (MultipartConfigElement) upload.getAttribute(UploadGate.JETTY_MULTIPART_CONFIG);
        assertThat(cut.getMaxFileSize()).isEqualTo(DOCUMENTS);
        assertThat(cut.getMaxRequestSize()).isEqualTo(DOCUMENTS + UploadGate.ENVELOPE);
        assertThat(cut.getLocation()).isEqualTo("/tmp/x");
        assertThat(cut.getFileSizeThreshold()).isEqualTo(4096);

        HttpServletRequest smaller = request("multipart/form-data; boundary=x", -1);
        smaller.setAttribute(UploadGate.JETTY_MULTIPART_CONFIG, new MultipartConfigElement("", 1024, 2048, 0));
        UploadGate.cutAt(smaller, DOCUMENTS);
        assertThat(((MultipartConfigElement) smaller.getAttribute(UploadGate.JETTY_MULTIPART_CONFIG)).getMaxFileSize()).isEqualTo(1024);
    }

    @Test
    void aUserRunsAtMostTwoUploadsAtOnceAndEachEndFreesAPlace() {
        UploadGate gate = new UploadGate();
        HttpServletRequest first = request("multipart/form-data", 10);
        HttpServletRequest second = request("multipart/form-data", 10);
        HttpServletRequest third = request("multipart/form-data", 10);
        assertThat(gate.acquire(first, "laila")).isTrue();
        assertThat(gate.acquire(second, "laila")).isTrue();
        assertThat(gate.acquire(third, "laila")).isFalse();
        assertThat(gate.acquire(request("multipart/form-data", 10), "omar")).isTrue();
        gate.release(third); // refused: holds nothing
        assertThat(gate.running()).isEqualTo(3);
        gate.release(first);
        gate.release(first); // released once only
        assertThat(gate.acquire(third, "laila")).isTrue();
        assertThat(gate.running()).isEqualTo(3);
    }

    @Test
    void theCsrfTokenOfAMultipartFormIsReadFromTheQueryStringAlone() {
        assertThat(Csrf.fromQuery("_csrf=abc-_9")).isEqualTo("abc-_9");
        assertThat(Csrf.fromQuery("x=1&_csrf=a%2Db&y")).isEqualTo("a-b");
        assertThat(Csrf.fromQuery("_csrf=a&_csrf=b")).isNull();
        assertThat(Csrf.fromQuery("csrf=a")).isNull();
        assertThat(Csrf.fromQuery("_csrf=%zz")).isNull();
        assertThat(Csrf.fromQuery(null)).isNull();
    }

    /** A request with a content type, a declared length and attributes; anything else it is asked answers null. */
    private static HttpServletRequest request(String contentType, long length) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(UploadGateTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> contentType;
                    case "getContentLengthLong" -> length;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
