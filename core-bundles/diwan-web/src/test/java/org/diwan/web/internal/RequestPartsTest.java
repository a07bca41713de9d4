package org.diwan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class RequestPartsTest {

    @Test
    void aMultipartBodyIsNotReadForThePagesParameters() {
        AtomicBoolean bodyRead = new AtomicBoolean();
        HttpServletRequest upload = request("multipart/form-data; boundary=x", "_csrf=t&year=2026", bodyRead);
        assertThat(RequestParts.readableParameters(upload)).isEqualTo(Map.of("_csrf", "t", "year", "2026"));
        assertThat(bodyRead).as("Jetty asked for the parameters, which parses the whole upload").isFalse();

        HttpServletRequest upperCase = request("Multipart/Form-Data; boundary=x", null, bodyRead);
        assertThat(RequestParts.readableParameters(upperCase)).isEmpty();
        assertThat(bodyRead).isFalse();
    }

    @Test
    void aPlainFormGivesItsFields() {
        AtomicBoolean bodyRead = new AtomicBoolean();
        HttpServletRequest form = request("application/x-www-form-urlencoded", null, bodyRead);
        assertThat(RequestParts.readableParameters(form)).containsEntry("title", "محاضرة");
        assertThat(bodyRead).isTrue();
    }

    private static HttpServletRequest request(String contentType, String query, AtomicBoolean bodyRead) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestPartsTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getContentType":
                            return contentType;
                        case "getQueryString":
                            return query;
                        case "getParameterMap":
                            bodyRead.set(true);
                            return Map.of("title", new String[] {"محاضرة"});
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
